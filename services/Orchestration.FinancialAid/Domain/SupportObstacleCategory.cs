namespace Orchestration.FinancialAid.Domain;

/// <summary>Support obstacle (försörjningshinder) categories, per person, as in seed 003's statistics.</summary>
public enum SupportObstacleCategory
{
    /// <summary>Relaterade till arbetslöshet.</summary>
    Unemployment,

    /// <summary>Otillräcklig ersättning från FK, inklusive 0-klassade sjukskrivna.</summary>
    InsufficientFkCompensation,

    /// <summary>Sociala/medicinska hinder.</summary>
    SocialMedical,

    /// <summary>Relaterade till invandring.</summary>
    Immigration,

    /// <summary>Övriga försörjningshinder, e.g. low income or pension, waiting for childcare.</summary>
    Other,
}
