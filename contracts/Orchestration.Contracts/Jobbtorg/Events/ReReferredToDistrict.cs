namespace Orchestration.Contracts.Jobbtorg.Events;

/// <summary>Jobbtorg re-referred the person to the district (återremittering); the reason is read in Jobbtorg's API, never carried here.</summary>
public sealed record ReReferredToDistrict(Guid ReferralId, Guid ReReferralId, string District, DateTimeOffset ReReferredAt);
