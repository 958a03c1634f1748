using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Model;

/// <summary>
/// An Elsa 3 workflow definition version: the normalised JSON document (what is stored and exported) and the
/// typed view the engine runs.
/// </summary>
public sealed class WorkflowDefinition
{
    private readonly Dictionary<string, ActivityNode> _byId;
    private readonly Dictionary<string, ActivityNode> _byNodeId;

    internal WorkflowDefinition(JsonObject document, ActivityNode root, List<VariableDefinition> variables,
        List<ArgumentDefinition> inputs, List<ArgumentDefinition> outputs, List<string> outcomes)
    {
        Document = document;
        Root = root;
        // Elsa runs a definition as an implicit Workflow activity that owns the root (ELSA-SEMANTICS.md §1.1).
        WorkflowNode = new ActivityNode(new JsonObject { ["id"] = WorkflowNodeId, ["nodeId"] = WorkflowNodeId, ["type"] = WorkflowType },
            WorkflowNodeId, WorkflowNodeId, WorkflowType, 1, document["name"]?.ToString(), [], [], variables,
            new Dictionary<string, ActivityNode> { ["root"] = root }, []);
        Variables = variables;
        Inputs = inputs;
        Outputs = outputs;
        Outcomes = outcomes;
        var all = new[] { WorkflowNode }.Concat(WorkflowNode.Descendants()).ToList();
        _byId = all.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byNodeId = all.ToDictionary(n => n.NodeId, StringComparer.Ordinal);
        Nodes = all;
    }

    public const string WorkflowType = "Elsa.Workflow";
    public const string WorkflowNodeId = Serialization.DefinitionNormalizer.WorkflowNodeId;

    public JsonObject Document { get; }

    /// <summary>The implicit Workflow activity: declares the definition's variables and runs <see cref="Root"/>.</summary>
    public ActivityNode WorkflowNode { get; }

    /// <summary>The version id (Elsa's <c>id</c>).</summary>
    public string Id => Document["id"]?.GetValue<string>() ?? "";

    public string DefinitionId => Document["definitionId"]?.GetValue<string>() ?? "";

    public string Name => Document["name"]?.GetValue<string>() ?? DefinitionId;

    public int Version => Document["version"] is JsonValue v && v.TryGetValue<int>(out var version) ? version : 1;

    public ActivityNode Root { get; }

    public IReadOnlyList<ActivityNode> Nodes { get; }

    public IReadOnlyList<VariableDefinition> Variables { get; }

    public IReadOnlyList<ArgumentDefinition> Inputs { get; }

    public IReadOnlyList<ArgumentDefinition> Outputs { get; }

    public IReadOnlyList<string> Outcomes { get; }

    public JsonObject Options => Document["options"] as JsonObject ?? [];

    public JsonObject CustomProperties => Document["customProperties"] as JsonObject ?? [];

    public ActivityNode? FindById(string id) => _byId.GetValueOrDefault(id);

    public ActivityNode? FindByNodeId(string nodeId) => _byNodeId.GetValueOrDefault(nodeId);
}
