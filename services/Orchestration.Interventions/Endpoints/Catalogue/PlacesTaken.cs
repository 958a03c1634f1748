using Microsoft.EntityFrameworkCore;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;

namespace Orchestration.Interventions.Endpoints.Catalogue;

/// <summary>How many places of each intervention referrals hold (chosen or started, not closed).</summary>
internal static class PlacesTaken
{
    public static async Task<Dictionary<Guid, int>> CountAsync(InterventionsDbContext db, IReadOnlyCollection<Guid> interventionIds, CancellationToken cancellationToken) =>
        await db.Referrals.AsNoTracking()
            .Where(r => r.InterventionId != null && interventionIds.Contains(r.InterventionId.Value) && r.State != ReferralState.Closed)
            .GroupBy(r => r.InterventionId!.Value)
            .Select(g => new { Id = g.Key, Taken = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Taken, cancellationToken);
}
