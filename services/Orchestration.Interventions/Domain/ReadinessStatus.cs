namespace Orchestration.Interventions.Domain;

/// <summary>The answer to one readiness item (DOMAIN.md §6).</summary>
public enum ReadinessStatus
{
    Unknown,
    Met,
    NotMet,
}
