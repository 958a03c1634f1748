namespace Orchestration.Workflows.Persistence.Entities;

/// <summary>
/// An activity of a published version that can start its workflow, kept in step with publish, retract and delete,
/// so that neither an event nor the schedule has to load every definition to find triggers.
/// </summary>
public sealed class WorkflowTriggerRecord
{
    /// <summary>Definition version id and activity id.</summary>
    public required string Id { get; set; }

    public required string DefinitionId { get; set; }

    public required string DefinitionVersionId { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>Elsa.Event, Elsa.Timer, Elsa.StartAt or Elsa.Cron.</summary>
    public required string Name { get; set; }

    /// <summary>The event name, interval, date and time, or cron expression.</summary>
    public required string Value { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>When a scheduled trigger fires next; null for events and for a StartAt that has fired.</summary>
    public DateTimeOffset? NextOccurrenceAt { get; set; }
}
