using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FollowUps.Endpoints.Deadlines;

/// <summary>Loads a deadline for a caller: 404 when unknown, 403 when it belongs to another district.</summary>
internal static class DeadlineLookup
{
    public const string CaseType = "FollowUpDeadline";

    public static async Task<(FollowUpDeadline? Deadline, ProblemHttpResult? Problem)> FindAsync(FollowUpsDbContext db, Guid id, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var deadline = await db.Deadlines.Include(d => d.Notices).Include(d => d.Moves).AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deadline is null)
        {
            return (null, CaseProblems.NotFound("follow-up deadline", id));
        }

        return DistrictAccess.Check(user, deadline.District) is { } refused ? (null, refused) : (deadline, null);
    }
}
