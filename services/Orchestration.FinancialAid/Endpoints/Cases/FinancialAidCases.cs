using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid.Endpoints.Cases;

/// <summary>Loads a referral's application with all its parts (the aggregate) for a caseworker of its own district; 404 or 403 otherwise.</summary>
internal static class FinancialAidCases
{
    /// <summary>How problems name the case.</summary>
    public const string CaseName = "referral";

    public static async Task<(AidApplication? Case, ProblemHttpResult? Problem)> FindForCaseworkerAsync(
        FinancialAidDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var application = await Load(db).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return (null, CaseProblems.NotFound(CaseName, id));
        }

        return DistrictAccess.Check(user, application.District) is { } refused ? (null, refused) : (application, null);
    }

    /// <summary>The application with every part its rules look at.</summary>
    public static IQueryable<AidApplication> Load(FinancialAidDbContext db) => db.Applications
        .Include(a => a.Instruments).Include(a => a.SupportObstacles).Include(a => a.RouteDecisions).Include(a => a.AidDecisions)
        .Include(a => a.Consents).Include(a => a.ReReferrals).AsSplitQuery();
}
