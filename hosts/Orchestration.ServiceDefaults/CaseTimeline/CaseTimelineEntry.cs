namespace Orchestration.ServiceDefaults.CaseTimeline;

/// <summary>
/// One thing that happened on a referral, as the module that recorded it tells it: when, what (<see cref="Kind"/>, a
/// code the pages translate), by which staff account, on which of the module's records, and codes and dates only in
/// <see cref="Details"/>. Free text never goes here; the one exception is a moved follow-up's reason
/// (<see cref="Reason"/>), which the social secretary writes to explain the new date to the district's staff.
/// </summary>
public sealed record CaseTimelineEntry(DateTimeOffset At, string Module, string Kind)
{
    /// <summary>The staff account (user name) or service that did it, when the module records one.</summary>
    public string? Actor { get; init; }

    /// <summary>The module's own record the entry is about (a Jobbtorg referral, an intervention referral, a deadline, a workflow instance).</summary>
    public string? RecordId { get; init; }

    /// <summary>Codes and dates (ISO 8601), e.g. <c>routes</c>, <c>outcome</c>, <c>dueOn</c>.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>Only for a moved follow-up date: the reason its mover gave.</summary>
    public string? Reason { get; init; }

    /// <summary>An entry whose details leave out the values that are null.</summary>
    public static CaseTimelineEntry Of(DateTimeOffset at, string module, string kind, string? actor, params (string Key, string? Value)[] details) =>
        new(at, module, kind)
        {
            Actor = actor,
            Details = details.Where(d => d.Value is not null).ToDictionary(d => d.Key, d => d.Value!),
        };
}
