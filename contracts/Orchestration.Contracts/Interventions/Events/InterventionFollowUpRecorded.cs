namespace Orchestration.Contracts.Interventions.Events;

/// <summary>A follow-up of the intervention was recorded; ReadyForJobbtorgResurs is the social secretary's judgment, never the assessments behind it.</summary>
public sealed record InterventionFollowUpRecorded(Guid ReferralId, Guid InterventionReferralId, Guid FollowUpId, bool ReadyForJobbtorgResurs, DateTimeOffset RecordedAt);
