namespace Orchestration.Contracts.Interventions.Events;

/// <summary>An intervention from the catalogue was chosen; a place bought in another district carries its price per place.</summary>
public sealed record InterventionChosen(Guid ReferralId, Guid InterventionReferralId, Guid InterventionId, string ProviderDistrict, decimal? PricePerPlace, DateTimeOffset ChosenAt);
