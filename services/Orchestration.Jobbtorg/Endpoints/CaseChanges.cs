using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Jobbtorg.Domain;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.Jobbtorg.Endpoints;

/// <summary>The checks every change of a Jobbtorg referral goes through before it is saved (<c>SaveCaseAsync</c>).</summary>
internal static class CaseChanges
{
    public const string CaseType = nameof(JobbtorgReferral);

    /// <summary>How problems name the case.</summary>
    public const string CaseName = "Jobbtorg referral";

    /// <summary>409 once the referral went back to the district: a re-referred case takes no more changes.</summary>
    public static ProblemHttpResult? RefuseIfClosed(JobbtorgReferral referral) =>
        referral.IsClosed
            ? CaseProblems.OutOfOrder($"Referral {referral.Id} was re-referred to the district; it takes no more changes. A new referral from the district opens a new record.")
            : null;

    /// <summary>409 until Jobbtorg has met the person (first visit or Resurs intake).</summary>
    public static ProblemHttpResult? RefuseUntilTakenIn(JobbtorgReferral referral, string step) =>
        referral.IsTakenIn
            ? null
            : CaseProblems.OutOfOrder($"Record the intake (first visit with mapping part 2, or the Jobbtorg Resurs intake) of referral {referral.Id} before {step}.");
}
