using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Serialization;

/// <summary>
/// Brings any JSON shape Elsa 3.0–3.8 wrote (ELSA-API.md §4.6) into the current form, in place, and applies the
/// server-side normalisation of §4.4: ids, node ids, memory-reference ids, variable ids, current connection form.
/// Everything else, including properties we do not know, is left exactly as it was.
/// </summary>
internal static class DefinitionNormalizer
{
    /// <summary>Activity keys that are not inputs, outputs or children.</summary>
    internal static readonly HashSet<string> ActivityKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "type", "version", "name", "customProperties", "metadata", "canStartWorkflow", "runAsynchronously",
        "source", "line", "applicationProperties", "start", "variables", "connections", "activities",
        "workflowDefinitionId", "workflowDefinitionVersionId", "latestAvailablePublishedVersion", "latestAvailablePublishedVersionId",
    };

    /// <summary>The implicit Workflow activity that owns the root, as in Elsa's node ids ("Workflow1:flowchart1").</summary>
    public const string WorkflowNodeId = "Workflow1";

    public static void Normalize(JsonObject document)
    {
        if (document["root"] is not JsonObject root)
        {
            throw new WorkflowFormatException("The definition has no 'root' activity object.");
        }

        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        CollectIds(root, usedIds);
        NormalizeActivity(root, WorkflowNodeId, counters, usedIds);
    }

    /// <summary>
    /// True for an object that is an activity: a string "type", and neither a wrapped input nor a bare expression
    /// (<c>{type, value}</c>, as in FlowSwitch cases).
    /// </summary>
    public static bool IsActivity(JsonNode? node) =>
        node is JsonObject o && o["type"] is JsonValue t && t.TryGetValue<string>(out _) && !IsWrapped(o)
        && !(o.ContainsKey("value") && !o.ContainsKey("id"));

    /// <summary>
    /// A wrapped input <c>{typeName, expression, memoryReference?}</c> or output <c>{typeName, memoryReference}</c>;
    /// not a variable reference such as SetVariable's <c>variable</c>, which has an id.
    /// </summary>
    public static bool IsWrapped(JsonObject o) =>
        o.ContainsKey("expression") || (o.ContainsKey("memoryReference") && !o.ContainsKey("id"));

    private static void CollectIds(JsonObject activity, HashSet<string> ids)
    {
        if (activity["id"] is JsonValue id && id.TryGetValue<string>(out var value) && value.Length > 0)
        {
            ids.Add(value);
        }

        foreach (var child in ChildActivities(activity))
        {
            CollectIds(child, ids);
        }
    }

    private static void NormalizeActivity(JsonObject activity, string? parentNodeId, Dictionary<string, int> counters, HashSet<string> usedIds)
    {
        var type = activity["type"]!.GetValue<string>();
        if (activity["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || id.Length == 0)
        {
            id = NewId(type, counters, usedIds);
            activity["id"] = id;
        }

        var nodeId = parentNodeId is null ? id : $"{parentNodeId}:{id}";
        activity["nodeId"] = nodeId;
        MoveLegacyFlags(activity);

        var variableIndex = 0;
        if (activity["variables"] is JsonArray variables)
        {
            foreach (var variable in variables.OfType<JsonObject>())
            {
                variableIndex++;
                if (variable["id"] is not JsonValue v || !v.TryGetValue<string>(out var variableId) || variableId.Length == 0)
                {
                    variable["id"] = $"{id}:variable-{variableIndex}";
                }
            }
        }

        if (type is "Elsa.Flowchart")
        {
            activity["activities"] ??= new JsonArray();
            activity["connections"] = NormalizeConnections(activity["connections"]);
        }

        foreach (var (key, value) in activity.ToList())
        {
            if (ActivityKeys.Contains(key) || value is not JsonObject wrapped || !IsWrapped(wrapped))
            {
                continue;
            }

            // Elsa gives every wrapped value a memory block id; outputs bound to a variable keep theirs.
            if (wrapped["memoryReference"] is not JsonObject reference || reference["id"] is null)
            {
                var kind = wrapped.ContainsKey("expression") ? "input" : "output";
                var memory = wrapped["memoryReference"] as JsonObject ?? [];
                memory["id"] = $"{id}:{kind}-{Kebab(key)}";
                wrapped["memoryReference"] = memory;
            }
        }

        foreach (var child in ChildActivities(activity))
        {
            NormalizeActivity(child, nodeId, counters, usedIds);
        }
    }

    /// <summary>Children in document order: <c>activities</c>, then embedded activities and activity lists.</summary>
    internal static IEnumerable<JsonObject> ChildActivities(JsonObject activity)
    {
        foreach (var (key, value) in activity.ToList())
        {
            if (key is "customProperties" or "metadata" or "variables" or "connections")
            {
                continue;
            }

            if (value is JsonArray array)
            {
                foreach (var item in array.Where(IsActivity).Cast<JsonObject>())
                {
                    yield return item;
                }
            }
            else if (!ActivityKeys.Contains(key) && IsActivity(value))
            {
                yield return (JsonObject)value!;
            }
        }
    }

    private static void MoveLegacyFlags(JsonObject activity)
    {
        foreach (var flag in new[] { "canStartWorkflow", "runAsynchronously" })
        {
            if (activity[flag] is JsonValue value)
            {
                var custom = activity["customProperties"] as JsonObject ?? [];
                custom[flag] ??= value.DeepClone();
                activity["customProperties"] = custom;
                activity.Remove(flag);
            }
        }
    }

    /// <summary>Accepts the endpoint form, the flat form, <c>$values</c> wrappers, single objects and PascalCase keys.</summary>
    private static JsonArray NormalizeConnections(JsonNode? connections)
    {
        var items = connections switch
        {
            null => [],
            JsonArray array => array.ToList(),
            JsonObject o when o.GetIgnoringCase("$values") is JsonArray values => values.ToList(),
            JsonObject o => [o],
            _ => throw new WorkflowFormatException("'connections' must be an array."),
        };

        var result = new JsonArray();
        foreach (var item in items.OfType<JsonObject>())
        {
            var (source, sourcePort) = Endpoint(item.GetIgnoringCase("source"), item.GetIgnoringCase("sourcePort"), "Done");
            var (target, targetPort) = Endpoint(item.GetIgnoringCase("target"), item.GetIgnoringCase("targetPort"), "In");
            var connection = new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = source, ["port"] = sourcePort },
                ["target"] = new JsonObject { ["activity"] = target, ["port"] = targetPort },
            };
            foreach (var (key, value) in item)
            {
                if (!new[] { "source", "target", "sourcePort", "targetPort" }.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    connection[Camel(key)] = value?.DeepClone();
                }
            }

            result.Add(connection);
        }

        return result;
    }

    private static (string? Activity, string Port) Endpoint(JsonNode? endpoint, JsonNode? flatPort, string defaultPort)
    {
        var flat = flatPort is JsonValue p && p.TryGetValue<string>(out var port) && port.Length > 0 ? port : null;
        return endpoint switch
        {
            JsonValue value when value.TryGetValue<string>(out var activity) => (activity, flat ?? defaultPort),
            JsonObject o => (o.GetIgnoringCase("activity")?.GetValue<string>(),
                o.GetIgnoringCase("port") is JsonValue op && op.TryGetValue<string>(out var objectPort) && objectPort.Length > 0 ? objectPort : flat ?? defaultPort),
            _ => (null, flat ?? defaultPort),
        };
    }

    private static string NewId(string type, Dictionary<string, int> counters, HashSet<string> used)
    {
        var shortName = type[(type.LastIndexOf('.') + 1)..];
        string id;
        do
        {
            counters[shortName] = counters.GetValueOrDefault(shortName) + 1;
            id = $"{shortName}{counters[shortName]}";
        }
        while (!used.Add(id));

        return id;
    }

    private static string Camel(string key) => key.Length == 0 ? key : char.ToLowerInvariant(key[0]) + key[1..];

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
