namespace Orchestration.ServiceDefaults.CaseTimeline;

/// <summary>What one module knows of a referral: the district it records the case under and its entries.</summary>
public sealed record CaseTimelinePart(string District, IReadOnlyList<CaseTimelineEntry> Entries);
