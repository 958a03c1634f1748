using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.Validation;

namespace Orchestration.Workflows.Persistence.Definitions;

/// <summary>A saved (or refused) definition version; when <see cref="Errors"/> is not empty nothing was saved.</summary>
public sealed record SaveDefinitionResult(WorkflowDefinitionRecord? Record, bool AlreadyPublished, IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => Errors.Count == 0 && Record is not null;
}
