namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>An event of one referral, numbered in the order it was staged.</summary>
public sealed record ReferralStepRecorded(Guid ReferralId, int Step);
