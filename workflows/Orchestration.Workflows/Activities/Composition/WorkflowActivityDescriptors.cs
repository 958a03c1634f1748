using System.Text.Json.Nodes;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Activities.Composition;

/// <summary>
/// The descriptor of a definition marked <c>options.usableAsActivity</c> (ELSA-API.md §4.5): type name = its name
/// in PascalCase, one descriptor per version, inputs and outputs from the definition, one port per outcome.
/// </summary>
public static class WorkflowActivityDescriptors
{
    /// <summary><c>options.usableAsActivity</c>, or the older top-level <c>usableAsActivity</c> that Elsa's server model still carries (ELSA-API.md §4.1).</summary>
    public static bool IsUsableAsActivity(WorkflowDefinition definition) =>
        IsTrue(definition.Options["usableAsActivity"]) || IsTrue(definition.Document["usableAsActivity"]);

    private static bool IsTrue(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<bool>(out var flag) ? flag : v.TryGetValue<string>(out var text) && bool.TryParse(text, out flag) && flag);

    public static ActivityDescriptor For(WorkflowDefinition definition, bool isPublished)
    {
        var typeName = TypeName(definition.Name);
        // The UI hint the definition's author chose for each input (ELSA-API.md §4.1), else a single line.
        var uiHints = (definition.Document["inputs"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(i => i["name"] is JsonValue && i["uiHint"] is JsonValue)
            .GroupBy(i => i["name"]!.ToString(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()["uiHint"]!.ToString(), StringComparer.OrdinalIgnoreCase);
        var inputs = definition.Inputs.Select((input, index) => new InputDescriptor(input.Name, input.Type,
            TypeAliases.Resolve(input.Type, input.IsArray) ?? typeof(object), input.DisplayName ?? input.Name, input.Description, index,
            IsWrapped: true, UIHint: uiHints.GetValueOrDefault(input.Name) is { Length: > 0 } hint ? hint : "singleline", DefaultValue: null, DefaultSyntax: "Literal", IsSensitive: false,
            EvaluatedByActivity: true, Options: null, Category: null, IsSynthetic: true)).ToList();
        var outputs = definition.Outputs.Select(output => new OutputDescriptor(output.Name, output.Type,
            TypeAliases.Resolve(output.Type, output.IsArray) ?? typeof(object), output.DisplayName ?? output.Name, output.Description, IsSynthetic: true)).ToList();
        var ports = (definition.Outcomes.Count == 0 ? ["Done"] : definition.Outcomes)
            .Select(o => new PortDescriptor(o, o, "Flow"))
            .Append(new PortDescriptor("Root", "Root", "Embedded", IsBrowsable: false))
            .ToList();
        return new ActivityDescriptor(typeName, "", typeName, definition.Version,
            definition.Options["activityCategory"]?.ToString() ?? "Workflows", definition.Name, definition.Document["description"]?.ToString(),
            ActivityKind.Action, IsContainer: false, IsBrowsable: isPublished, IsStart: false, IsTerminal: false,
            inputs, outputs, ports, () => new WorkflowDefinitionActivity())
        {
            WorkflowDefinitionId = definition.DefinitionId,
            WorkflowDefinitionVersionId = definition.Id,
        };
    }

    /// <summary>"Approve order" → "ApproveOrder".</summary>
    public static string TypeName(string name) =>
        string.Concat(name.Split([' ', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
