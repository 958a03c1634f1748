using System.Security.Claims;

namespace Orchestration.ServiceDefaults.CaseTimeline;

/// <summary>
/// A module's contribution to one referral's timeline: it reads its own rows and answers entries of codes, dates and
/// account names, never a person's personnummer, name, health detail or a free-text note. The case timeline module
/// asks every source registered in the same process, so in a production topology a process answers for its own modules.
/// </summary>
public interface ICaseTimelineSource
{
    /// <summary>The module's name, listed in the answer so a reader sees which modules contributed.</summary>
    string Module { get; }

    /// <summary>The module's entries of the referral and the district it records for it; null when it holds nothing of it.</summary>
    Task<CaseTimelinePart?> ReadAsync(Guid referralId, CancellationToken cancellationToken);

    /// <summary>Writes the read to the module's own audit log, once the reader was allowed to see the case.</summary>
    Task AuditReadAsync(Guid referralId, string district, ClaimsPrincipal reader, CancellationToken cancellationToken);
}
