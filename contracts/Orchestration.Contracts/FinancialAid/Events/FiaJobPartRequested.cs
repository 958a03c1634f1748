namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>The social secretary asked Jobbtorg for the education and job-seeking part of the FIA; possible at any time, with or without a Jobbtorg referral.</summary>
public sealed record FiaJobPartRequested(Guid ReferralId, Guid PersonId, string District, DateTimeOffset RequestedAt);
