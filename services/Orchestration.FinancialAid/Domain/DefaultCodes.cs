namespace Orchestration.FinancialAid.Domain;

/// <summary>
/// The Swedish labels of the default codes, used when the lists are first installed from configuration; a configured
/// code without a label here is installed with its code as label, for the process owner to rename.
/// </summary>
public static class DefaultCodes
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Target groups (DOMAIN.md §8).
        ["UnemployedOnAid"] = "Ekonomiskt bistånd på grund av arbetslöshet",
        ["WorkCapacityToInvestigate"] = "Arbetsförmågan behöver utredas",
        ["SfiStudent"] = "SFI-studerande med ekonomiskt bistånd eller etableringsersättning",
        ["RefugeeOrFamilyReunion"] = "Flykting eller anknytningsinvandrare",
        ["Youth16To24"] = "Ung 16–24 år",
        ["AidForOtherReasons"] = "Bistånd av andra skäl än arbetslöshet",
        ["DistrictIntervention"] = "Stadsdelens arbetsinriktade insatser",
        ["Start"] = "START",
        ["YoungAdultsWithMentalDisability"] = "Unga vuxna med psykisk funktionsnedsättning",

        // FIA social and health areas (seed 000).
        ["SocialNetwork"] = "Socialt nätverk",
        ["Housing"] = "Boende",
        ["RelativesSituation"] = "Anhörigas situation",
        ["MentalHealth"] = "Psykisk hälsa",
        ["PhysicalHealth"] = "Fysisk hälsa",
        ["Addiction"] = "Missbruk",

        // Other routes (seed 004).
        ["FkCompensation"] = "Ersättning från Försäkringskassan",
        ["CareContact"] = "Vårdkontakt",
        ["SocialPsychiatry"] = "Socialpsykiatri",
        ["Lss"] = "LSS",
        ["AddictionServices"] = "Beroendevård",
        [OtherRoutes.Finsam] = "FINSAM (Samordningsförbundet)",
        ["Ips"] = "IPS",
        ["Other"] = "Annat",
    };

    /// <summary>The codes of one list as first installed, in the configured order.</summary>
    public static List<ListCode> Install(CodeList list, IEnumerable<string> codes) =>
        codes.Select((code, i) => new ListCode { List = list, Code = code, Label = Labels.GetValueOrDefault(code, code), SortOrder = (i + 1) * 10 })
            .ToList();
}
