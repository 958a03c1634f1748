namespace Orchestration.FinancialAid.Domain;

/// <summary>The other routes of a route decision (DOMAIN.md §3 step 7, seed 004); the list itself is configurable.</summary>
public static class OtherRoutes
{
    /// <summary>FINSAM (Samordningsförbundet): needs the individual's consent (DOMAIN.md §13).</summary>
    public const string Finsam = "Finsam";

    /// <summary>Seed 004's other routes, the default list.</summary>
    public static readonly IReadOnlyList<string> Defaults =
        ["FkCompensation", "CareContact", "SocialPsychiatry", "Lss", "AddictionServices", Finsam, "Ips", "Other"];
}
