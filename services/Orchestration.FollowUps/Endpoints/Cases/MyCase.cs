namespace Orchestration.FollowUps.Endpoints.Cases;

/// <summary>
/// One case the social secretary is responsible for: its current stage (null while only the responsibility is known)
/// and its nearest open follow-up, if any.
/// </summary>
public sealed record MyCase(
    Guid ReferralId,
    string? District,
    string? Stage,
    DateTimeOffset? StageSince,
    DateTimeOffset? ResponsibleSince,
    DateOnly? NextFollowUpDueOn,
    Guid? NextFollowUpId);
