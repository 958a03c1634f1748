namespace Orchestration.Interventions.Domain;

/// <summary>The kinds of district intervention (DOMAIN.md §10); the process owner may ask for more.</summary>
public enum InterventionType
{
    /// <summary>Arbetsträning: painting, cleaning, park work, carpentry, second-hand shop and the like.</summary>
    WorkTraining,

    /// <summary>Arbetsförberedande insats, "kom-i-gång": motivation, health activities, study visits before work training.</summary>
    WorkPreparation,

    /// <summary>Förrehabiliterande insats, e.g. for the long-term sick-listed.</summary>
    PreRehabilitation,

    /// <summary>Individual Placement and Support (IPS) and other supported employment.</summary>
    SupportedEmployment,

    /// <summary>Sysselsättning enligt SoL.</summary>
    SocialServicesOccupation,

    /// <summary>Offentligt skyddat arbete (OSA).</summary>
    Osa,

    /// <summary>Annat.</summary>
    Other,
}
