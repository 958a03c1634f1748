using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FollowUps.Endpoints.Cases;

/// <summary>
/// The signed-in social secretary's cases: every referral whose responsible social secretary (as financial aid
/// announced it) they are, with or without a follow-up deadline; open cases first, the latest change first.
/// </summary>
internal static class ListMyCases
{
    public static async Task<Ok<IReadOnlyList<MyCase>>> Handle(ClaimsPrincipal user, FollowUpsDbContext db, CancellationToken cancellationToken)
    {
        var me = user.UserName();
        var cases = await db.CaseProgress.AsNoTracking().Where(p => p.ResponsibleSocialSecretary == me).ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.ReferralId).ToList();
        var open = await db.Deadlines.AsNoTracking()
            .Where(d => ids.Contains(d.ReferralId) && FollowUpQueries.OpenStates.Contains(d.State))
            .Select(d => new { d.ReferralId, d.Id, d.DueOn })
            .ToListAsync(cancellationToken);
        var next = open.GroupBy(d => d.ReferralId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.DueOn).First());
        IReadOnlyList<MyCase> mine = cases
            .OrderBy(c => c.Stage == CaseStage.Closed)
            .ThenByDescending(c => c.StageAt ?? c.ResponsibleAssignedAt)
            .Select(c => new MyCase(c.ReferralId, c.District, c.Stage?.ToString(), c.StageAt, c.ResponsibleAssignedAt,
                next.TryGetValue(c.ReferralId, out var d) ? d.DueOn : null, next.TryGetValue(c.ReferralId, out var n) ? n.Id : null))
            .ToList();
        return TypedResults.Ok(mine);
    }
}
