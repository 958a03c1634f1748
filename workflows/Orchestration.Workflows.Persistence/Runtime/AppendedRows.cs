using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>The rows of one save that are only ever inserted: journal lines and executions no earlier burst stored.</summary>
internal sealed class AppendedRows
{
    public List<JournalRecord> Journal { get; } = [];

    public List<ActivityExecutionRecord> Executions { get; } = [];

    /// <summary>Writes the executions' <c>Data</c> JSON, reusing one buffer for the whole save.</summary>
    public ActivityExecutionData Data { get; } = new();
}
