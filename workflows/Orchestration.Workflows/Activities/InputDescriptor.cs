using System.Reflection;

namespace Orchestration.Workflows.Activities;

/// <summary>An input as Studio shows it (ELSA-API.md §5.1) and as the engine sets it.</summary>
public sealed record InputDescriptor(
    string Name,
    string TypeName,
    Type Type,
    string DisplayName,
    string? Description,
    int Order,
    bool IsWrapped,
    string UIHint,
    object? DefaultValue,
    string DefaultSyntax,
    bool IsSensitive,
    bool EvaluatedByActivity,
    IReadOnlyList<string>? Options,
    string? Category,
    bool IsSynthetic = false,
    bool IsRequired = false,
    PropertyInfo? Property = null);
