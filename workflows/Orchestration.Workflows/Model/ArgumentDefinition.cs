namespace Orchestration.Workflows.Model;

/// <summary>A workflow input or output definition; Elsa names the type alias <c>type</c> here (ELSA-API.md §4.1).</summary>
public sealed record ArgumentDefinition(string Name, string Type, bool IsArray, string? DisplayName, string? Description);
