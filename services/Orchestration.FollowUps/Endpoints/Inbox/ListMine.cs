using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FollowUps.Endpoints.Inbox;

/// <summary>The signed-in social secretary's open follow-ups: those they are responsible for.</summary>
internal static class ListMine
{
    public static async Task<Ok<InboxResponse>> Handle(ClaimsPrincipal user, FollowUpsDbContext db, TimeProvider time, IOptions<FollowUpsOptions> options,
        CancellationToken cancellationToken)
    {
        var me = user.UserName();
        var open = await db.Deadlines.AsNoTracking().Include(d => d.Notices).Include(d => d.Moves).AsSplitQuery()
            .Where(d => d.ResponsibleSocialSecretary == me && FollowUpQueries.OpenStates.Contains(d.State))
            .ToListAsync(cancellationToken);
        var progress = await db.StagesOfAsync(open.Select(d => d.ReferralId), cancellationToken);
        return TypedResults.Ok(InboxResponse.From(open, progress, time.GetUtcNow(), options.Value.Timing()));
    }
}
