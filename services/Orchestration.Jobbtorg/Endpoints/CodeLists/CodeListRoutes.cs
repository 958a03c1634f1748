using Orchestration.Jobbtorg.Domain;

namespace Orchestration.Jobbtorg.Endpoints.CodeLists;

/// <summary>The editable lists as they appear in routes.</summary>
internal static class CodeListRoutes
{
    public const string InterventionKinds = "intervention-kinds";
    public const string ReReferralReasons = "re-referral-reasons";

    /// <summary>Route constraint: an unknown list is a 404 from routing.</summary>
    public const string Constraint = $"regex(^({InterventionKinds}|{ReReferralReasons})$)";

    public static CodeList Parse(string slug) => slug == InterventionKinds ? CodeList.InterventionKind : CodeList.ReReferralReason;
}
