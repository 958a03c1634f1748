namespace Orchestration.FollowUps.Domain;

/// <summary>
/// The follow-ups module's own small picture of one referral, built from the contract events it consumes: its current
/// stage (shown beside each deadline in the inbox) and its responsible social secretary (used when ScheduleFollowUps
/// names none). Events may arrive in any order: an older one never overrides a newer one, and a closed case stays closed.
/// </summary>
public sealed class CaseProgress
{
    private CaseProgress()
    {
    }

    public Guid ReferralId { get; private init; }

    public string? District { get; private set; }

    /// <summary>None while only the responsibility is known.</summary>
    public CaseStage? Stage { get; private set; }

    public DateTimeOffset? StageAt { get; private set; }

    /// <summary>The responsible social secretary's account user name, once financial aid has named one.</summary>
    public string? ResponsibleSocialSecretary { get; private set; }

    public DateTimeOffset? ResponsibleAssignedAt { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>Keeps the first district heard of the case.</summary>
    public void KnowDistrict(string? district) => District ??= district;

    /// <summary>True once the case is closed: it never reopens, and nothing more is scheduled for it.</summary>
    public bool IsClosed => Stage == CaseStage.Closed;

    /// <summary>
    /// Marks the row changed without changing the stage, so that a concurrent save of the same referral (a closure)
    /// conflicts with a decision taken on this read (scheduling) and one of them is retried on fresh data.
    /// </summary>
    public void Touch() => Version = Guid.NewGuid();

    /// <summary>Moves to <paramref name="stage"/> unless the case is closed or a later event already set the stage; true when it moved.</summary>
    public bool Advance(CaseStage stage, DateTimeOffset at, string? district = null)
    {
        District ??= district;
        if (Stage == CaseStage.Closed || (StageAt is { } known && at < known && stage != CaseStage.Closed))
        {
            return false;
        }

        Stage = stage;
        StageAt = at;
        Version = Guid.NewGuid();
        return true;
    }

    /// <summary>Records the responsible social secretary unless a later assignment is already known; true when it changed.</summary>
    public bool AssignResponsible(string socialSecretary, DateTimeOffset at, string district)
    {
        District ??= district;
        if (ResponsibleAssignedAt is { } known && at < known)
        {
            return false;
        }

        ResponsibleSocialSecretary = socialSecretary;
        ResponsibleAssignedAt = at;
        Version = Guid.NewGuid();
        return true;
    }
}
