using System.Text.Json.Nodes;
using Orchestration.Workflows.Serialization;

namespace Orchestration.Workflows.Model;

/// <summary>
/// One activity of a definition, a view over its normalised JSON (<see cref="Json"/>), which stays the single
/// source of truth so that properties we do not model survive export unchanged.
/// </summary>
public sealed class ActivityNode
{
    private readonly Dictionary<string, ActivityNode> _embedded;

    internal ActivityNode(JsonObject json, string id, string nodeId, string type, int version, string? name,
        List<ActivityNode> activities, List<Connection> connections, List<VariableDefinition> variables,
        Dictionary<string, ActivityNode> embedded, List<ActivityNode> branches)
    {
        Json = json;
        Id = id;
        NodeId = nodeId;
        Type = type;
        Version = version;
        Name = name;
        Activities = activities;
        Connections = connections;
        Variables = variables;
        _embedded = embedded;
        Branches = branches;
        foreach (var child in activities.Concat(embedded.Values).Concat(branches))
        {
            child.Parent = this;
        }
    }

    public JsonObject Json { get; }

    public string Id { get; }

    /// <summary>The ancestor id chain joined with ':'; the key of journal and execution records.</summary>
    public string NodeId { get; }

    public string Type { get; }

    public int Version { get; }

    public string? Name { get; }

    public ActivityNode? Parent { get; private set; }

    /// <summary>Children of a container (Flowchart, Sequence), in document order.</summary>
    public IReadOnlyList<Connection> Connections { get; }

    public IReadOnlyList<ActivityNode> Activities { get; }

    public IReadOnlyList<VariableDefinition> Variables { get; }

    /// <summary>Child lists that are not <c>activities</c>, e.g. a Fork's <c>branches</c>.</summary>
    public IReadOnlyList<ActivityNode> Branches { get; }

    public IReadOnlyDictionary<string, ActivityNode> Embedded => _embedded;

    public JsonObject CustomProperties => Json["customProperties"] as JsonObject ?? [];

    public bool CanStartWorkflow => CustomProperties["canStartWorkflow"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>A property of the activity JSON by name in any case (inputs are camelCase in JSON, PascalCase in descriptors).</summary>
    public JsonNode? Property(string name) => Json.GetIgnoringCase(name);

    public ActivityNode? EmbeddedActivity(string name) =>
        _embedded.FirstOrDefault(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Every node below this one, depth first, in document order.</summary>
    public IEnumerable<ActivityNode> Descendants()
    {
        foreach (var child in Activities.Concat(_embedded.Values).Concat(Branches))
        {
            yield return child;
            foreach (var grandChild in child.Descendants())
            {
                yield return grandChild;
            }
        }
    }

    public override string ToString() => $"{Type} {Id}";
}
