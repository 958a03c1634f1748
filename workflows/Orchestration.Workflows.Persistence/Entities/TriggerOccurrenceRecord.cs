namespace Orchestration.Workflows.Persistence.Entities;

/// <summary>
/// One occurrence of a scheduled trigger that started an instance. The key (trigger and occurrence time) is unique,
/// and the row commits with the instance, so two nodes or a restart cannot start the same occurrence twice.
/// </summary>
public sealed class TriggerOccurrenceRecord
{
    public required string Key { get; set; }

    public required string WorkflowInstanceId { get; set; }

    public DateTimeOffset FiredAt { get; set; }
}
