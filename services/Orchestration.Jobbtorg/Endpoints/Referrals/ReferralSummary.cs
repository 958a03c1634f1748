using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Domain;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>A referral in a list: ids and where it stands, no case content.</summary>
public sealed record ReferralSummary(Guid JobbtorgReferralId, Guid ReferralId, Guid PersonId, string District, JobbtorgUnit Unit,
    ReferralStatus Status, DateTimeOffset ReceivedAt, bool FiaOnly, DateTimeOffset? FiaRequestedAt);
