using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.Referrals;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid.Endpoints.Cases;

/// <summary>
/// Mapping part 3 and the FIA social/health part hold health and social details: the district's social secretaries
/// read them; Jobbtorg (another administration) only while the individual's consent to share is valid (DOMAIN.md §13).
/// </summary>
internal static class SharedCaseAccess
{
    public static async Task<(AidApplication? Case, ProblemHttpResult? Problem)> FindAsync(
        FinancialAidDbContext db, Guid id, ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.JobbtorgCoach))
        {
            return await FinancialAidCases.FindForCaseworkerAsync(db, id, user, cancellationToken);
        }

        var application = await FinancialAidCases.Load(db).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return (null, CaseProblems.NotFound(FinancialAidCases.CaseName, id));
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (application.HasValidConsent(ConsentScope.ShareWithJobbtorg, today))
        {
            return (application, null);
        }

        var consents = application.Consents.Where(c => c.Scope == ConsentScope.ShareWithJobbtorg).ToList();

        // None is valid today, so a withdrawn one explains it.
        var reason = consents.Count == 0
            ? "The individual has not consented to share financial-aid assessments with Jobbtorg."
            : consents.Any(c => c.WithdrawnAt is not null)
                ? "The individual's consent to share with Jobbtorg has been withdrawn or has expired."
                : "The individual's consent to share with Jobbtorg is not valid today.";
        return (null, CaseProblems.Forbidden("No valid consent", reason));
    }
}
