namespace Orchestration.FinancialAid.Domain;

/// <summary>
/// The codes that may be chosen now, read from the database per request so the process owner's edits apply without a
/// restart. Retired codes are absent: they stay on old records but are refused in new answers.
/// </summary>
public sealed record ActiveLists(
    IReadOnlyList<string> JobbtorgTargetGroups,
    IReadOnlyList<string> OtherTargetGroups,
    IReadOnlyList<string> FiaSocialAreas,
    IReadOnlyList<string> OtherRoutes,
    int AidDecisionMaxValidityDays)
{
    public static ActiveLists From(IEnumerable<ListCode> activeCodes, int aidDecisionMaxValidityDays)
    {
        var ordered = activeCodes.Where(c => c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        IReadOnlyList<string> Of(CodeList list) => ordered.Where(c => c.List == list).Select(c => c.Code).ToList();
        return new ActiveLists(Of(CodeList.JobbtorgTargetGroup), Of(CodeList.OtherTargetGroup), Of(CodeList.FiaSocialArea), Of(CodeList.OtherRoute),
            aidDecisionMaxValidityDays);
    }
}
