namespace Orchestration.Contracts.Referrals;

/// <summary>A route of the route decision (DOMAIN.md §3 step 7); several may run in parallel.</summary>
public enum Route
{
    /// <summary>Jobbtorg Stockholm: work or studies.</summary>
    Jobbtorg,

    /// <summary>Jobbtorg Resurs: people further from the labour market.</summary>
    JobbtorgResurs,

    /// <summary>The district's own labour-market intervention (stadsdelens arbetsmarknadsinsats).</summary>
    DistrictIntervention,

    /// <summary>FK, a care contact, social psychiatry, LSS, addiction services, FINSAM and the like.</summary>
    OtherRoute,
}
