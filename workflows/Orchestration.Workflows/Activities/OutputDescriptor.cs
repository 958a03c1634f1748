using System.Reflection;

namespace Orchestration.Workflows.Activities;

public sealed record OutputDescriptor(string Name, string TypeName, Type Type, string DisplayName, string? Description,
    bool IsSynthetic = false, PropertyInfo? Property = null);
