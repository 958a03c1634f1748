using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orchestration.Contracts.Referrals;
using Orchestration.FinancialAid.Options;

namespace Orchestration.FinancialAid.Endpoints.CodeLists;

/// <summary>The lists the answers are checked against, as configured now (section FinancialAid), so a form offers exactly those.</summary>
internal static class ListCodeLists
{
    public sealed record Response(
        IReadOnlyList<string> JobbtorgTargetGroups,
        IReadOnlyList<string> OtherTargetGroups,
        IReadOnlyList<string> FiaSocialAreas,
        IReadOnlyList<string> OtherRoutes,
        IReadOnlyList<string> ClosureOutcomes,
        int AidDecisionMaxValidityDays);

    public static Ok<Response> Handle(IOptionsSnapshot<FinancialAidOptions> options)
    {
        var o = options.Value;
        return TypedResults.Ok(new Response(o.EffectiveJobbtorgTargetGroups, o.EffectiveOtherTargetGroups, o.EffectiveFiaSocialAreas, o.EffectiveOtherRoutes,
            Enum.GetNames<ClosureOutcome>(), o.AidDecisionMaxValidityDays));
    }
}
