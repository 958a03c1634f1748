namespace Orchestration.Jobbtorg.Domain;

/// <summary>The lists as first installed; from then on the process owner edits them through the API.</summary>
public static class DefaultCodes
{
    /// <summary>Jobbtorg's offer, the 16 items of seed 001 (DOMAIN-DATA.md §8), plus Jobbtorg Resurs's motivation work.</summary>
    public static readonly IReadOnlyList<ListCode> InterventionKinds = Numbered(CodeList.InterventionKind,
    [
        ("Investigation", "Utredning/kartläggning", false),
        ("StudyAndCareerGuidance", "Studie- och yrkesvägledning", false),
        ("Counselling", "Rådgivning", false),
        ("IndividualCoaching", "Individuell coachning", false),
        ("JobMatching", "Matchning mot befintliga arbeten i näringslivet och staden", false),
        ("SfiTest", "SFI-test", false),
        ("SfiWithPractice", "SFI kopplat till praktik", false),
        ("PreparatoryActivities", "Förberedande aktiviteter (motivations- och gruppsamtal, CV, intervjuträning)", false),
        ("WorkTraining", "Arbetsträning", false),
        ("Practice", "Praktik på olika nivåer", false),
        ("ShortVocationalCourse", "Kortare förberedande yrkesutbildning", false),
        ("Validation", "Validering", false),
        ("LongVocationalCourse", "Längre anpassad yrkesutbildning", false),
        ("ArbetsformedlingenOffer", "Arbetsförmedlingens utbud", false),
        ("RecruitmentActivities", "Rekryteringsaktiviteter", false),
        ("StartOwnBusinessAdvice", "Starta-eget-rådgivning", false),
        ("MotivationWork", "Motivationsarbete (Jobbtorg Resurs)", false),
    ]);

    /// <summary>Re-referral reasons (DOMAIN.md §4, a project decision derived from the seeds' criteria).</summary>
    public static readonly IReadOnlyList<ListCode> ReReferralReasons = Numbered(CodeList.ReReferralReason,
    [
        ("MentalIllHealth", "Psykisk ohälsa", false),
        ("ActiveOrUntreatedAddiction", "Aktivt/obearbetat missbruk", false),
        ("LongIllnessWithoutRehabilitation", "Långvarig sjukdom utan rehabilitering", false),
        ("WorkCapacityToBeInvestigated", "Arbetsförmågan behöver utredas", false),
        ("UnidentifiedObstacles", "Icke identifierade hinder", false),
        ("Motivation", "Motivation", false),
        ("NeedsCareContact", "Behov av vårdkontakt", false),
        ("Other", "Annat", true),
    ]);

    private static List<ListCode> Numbered(CodeList list, (string Code, string Label, bool RequiresText)[] codes) =>
        codes.Select((c, i) => new ListCode { List = list, Code = c.Code, Label = c.Label, RequiresText = c.RequiresText, SortOrder = (i + 1) * 10 })
            .ToList();
}
