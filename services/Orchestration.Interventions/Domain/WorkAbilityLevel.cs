namespace Orchestration.Interventions.Domain;

/// <summary>A level of work ability (arbetsförmåga) at a follow-up; the scale is a project decision.</summary>
public enum WorkAbilityLevel
{
    NotAssessed,

    /// <summary>Saknas.</summary>
    Lacking,

    /// <summary>Nedsatt.</summary>
    Reduced,

    /// <summary>God.</summary>
    Good,
}
