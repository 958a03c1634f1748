namespace Orchestration.Contracts.Jobbtorg.Commands;

/// <summary>Ask Jobbtorg for the education and job-seeking part of the FIA; Jobbtorg opens a record for it when the person has no Jobbtorg referral yet.</summary>
public sealed record RequestFiaJobPart(Guid ReferralId, Guid PersonId, string District, DateTimeOffset RequestedAt);
