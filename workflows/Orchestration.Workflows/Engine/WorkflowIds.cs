namespace Orchestration.Workflows.Engine;

/// <summary>
/// The one way to make an id for a workflow definition, instance or activity execution: 16 hex characters,
/// Elsa's length, random enough for ids that are never guessed at (they are not credentials).
/// </summary>
public static class WorkflowIds
{
    public static string New() => Guid.NewGuid().ToString("N")[..16];
}
