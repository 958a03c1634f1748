using Orchestration.ServiceDefaults.CaseTimeline;

namespace Orchestration.CaseTimeline.Endpoints;

/// <summary>A referral's timeline: <see cref="Sources"/> names the modules of this process that knew the referral.</summary>
public sealed record CaseTimelineResponse(Guid ReferralId, string District, IReadOnlyList<string> Sources, IReadOnlyList<CaseTimelineEntry> Entries);
