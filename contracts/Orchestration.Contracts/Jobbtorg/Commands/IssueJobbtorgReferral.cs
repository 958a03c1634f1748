namespace Orchestration.Contracts.Jobbtorg.Commands;

/// <summary>Refer the person to Jobbtorg or Jobbtorg Resurs; Jobbtorg books the first visit.</summary>
public sealed record IssueJobbtorgReferral(Guid ReferralId, Guid PersonId, string District, Referrals.JobbtorgUnit Unit, DateTimeOffset IssuedAt);
