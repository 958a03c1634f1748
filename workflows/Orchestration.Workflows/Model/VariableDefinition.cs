namespace Orchestration.Workflows.Model;

/// <summary>
/// A declared variable. <see cref="Value"/> is the default as Studio stores it, a string (ELSA-API.md §4.1);
/// without a storage driver the value is not kept across a suspend (ELSA-SEMANTICS.md §5).
/// </summary>
public sealed record VariableDefinition(string Id, string Name, string TypeName, bool IsArray, string? Value, string? StorageDriverTypeName)
{
    public bool IsPersistent => !string.IsNullOrWhiteSpace(StorageDriverTypeName)
        && (StorageDriverTypeName.Contains("WorkflowInstance", StringComparison.OrdinalIgnoreCase)
            || StorageDriverTypeName.Contains("WorkflowStorage", StringComparison.OrdinalIgnoreCase)
            || StorageDriverTypeName.EndsWith("Workflow", StringComparison.OrdinalIgnoreCase));
}
