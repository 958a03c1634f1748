namespace Orchestration.FinancialAid.Domain;

/// <summary>The financial-aid unit's assessment steps that are each done once per referral (DOMAIN.md §3, §7).</summary>
public enum Instrument
{
    /// <summary>Initial mapping part 1: introductory questions at the first phone contact (reception unit).</summary>
    MappingPart1,

    /// <summary>Target-group screening: is the person in one of Jobbtorg's target groups (§8)?</summary>
    TargetGroupScreening,

    /// <summary>Initial mapping part 3: health and social situation, at the new visit (nybesök).</summary>
    MappingPart3,

    /// <summary>FIA (Förutsättningar Inför Arbete), the social situation and health part.</summary>
    FiaSocialPart,
}
