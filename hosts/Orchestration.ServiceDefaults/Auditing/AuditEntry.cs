namespace Orchestration.ServiceDefaults.Auditing;

/// <summary>Who read or changed which case, when; ids only, never the case's content.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }

    /// <summary>The user name or API key name of the caller.</summary>
    public required string Actor { get; init; }

    public required string Action { get; init; }

    /// <summary>The kind of case record, e.g. "Application".</summary>
    public required string CaseType { get; init; }

    public required string CaseId { get; init; }

    public string? District { get; init; }

    public DateTimeOffset At { get; init; }
}
