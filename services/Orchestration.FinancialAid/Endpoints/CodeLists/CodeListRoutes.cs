using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Endpoints.CodeLists;

/// <summary>The editable lists as they appear in routes.</summary>
internal static class CodeListRoutes
{
    public const string JobbtorgTargetGroups = "jobbtorg-target-groups";
    public const string OtherTargetGroups = "other-target-groups";
    public const string FiaSocialAreas = "fia-social-areas";
    public const string OtherRoutes = "other-routes";

    /// <summary>Route constraint: an unknown list matches no route, so the deny-by-default fallback policy refuses it.</summary>
    public const string Constraint = $"regex(^({JobbtorgTargetGroups}|{OtherTargetGroups}|{FiaSocialAreas}|{OtherRoutes})$)";

    public static CodeList Parse(string slug) => slug switch
    {
        JobbtorgTargetGroups => CodeList.JobbtorgTargetGroup,
        OtherTargetGroups => CodeList.OtherTargetGroup,
        FiaSocialAreas => CodeList.FiaSocialArea,
        _ => CodeList.OtherRoute,
    };

    public static string AuditName(CodeList list, string code) => $"{list}/{code}";
}
