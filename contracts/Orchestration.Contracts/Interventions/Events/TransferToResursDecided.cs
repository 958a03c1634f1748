namespace Orchestration.Contracts.Interventions.Events;

/// <summary>The social secretary judged the person ready and decided the transfer to Jobbtorg Resurs; the intervention stays open until the Resurs intake (the overlap).</summary>
public sealed record TransferToResursDecided(Guid ReferralId, Guid InterventionReferralId, string District, DateTimeOffset DecidedAt);
