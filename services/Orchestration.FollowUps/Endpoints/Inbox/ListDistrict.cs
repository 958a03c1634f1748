using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FollowUps.Endpoints.Inbox;

/// <summary>A district's open follow-ups for its coordinators; another district's answer 403 with the reason.</summary>
internal static class ListDistrict
{
    public static async Task<Results<Ok<InboxResponse>, ProblemHttpResult>> Handle(string district, ClaimsPrincipal user, FollowUpsDbContext db,
        TimeProvider time, IOptions<FollowUpsOptions> options, CancellationToken cancellationToken)
    {
        var normalized = district.Trim().ToLowerInvariant();
        if (DistrictAccess.Check(user, normalized) is { } refused)
        {
            return refused;
        }

        var open = await db.Deadlines.AsNoTracking().Include(d => d.Notices).Include(d => d.Moves).AsSplitQuery()
            .Where(d => d.District == normalized && FollowUpQueries.OpenStates.Contains(d.State))
            .ToListAsync(cancellationToken);
        var progress = await db.StagesOfAsync(open.Select(d => d.ReferralId), cancellationToken);
        return TypedResults.Ok(InboxResponse.From(open, progress, time.GetUtcNow(), options.Value.Timing()));
    }
}
