using Microsoft.EntityFrameworkCore;
using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Persistence;

internal static class CaseProgressStore
{
    /// <summary>The referral's progress row, tracked; a new one (added) when this is the first event heard of it.</summary>
    public static async Task<CaseProgress> FindOrStartAsync(this FollowUpsDbContext db, Guid referralId, CaseStage? stage, DateTimeOffset at, string? district,
        CancellationToken cancellationToken)
    {
        var progress = await db.CaseProgress.FirstOrDefaultAsync(p => p.ReferralId == referralId, cancellationToken);
        if (progress is null)
        {
            progress = CaseProgress.Start(referralId, stage, at, district);
            db.CaseProgress.Add(progress);
        }
        else if (stage is { } next)
        {
            progress.Advance(next, at, district);
        }

        return progress;
    }

    /// <summary>The progress of each of these referrals that has any, by referral id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, CaseProgress>> StagesOfAsync(this FollowUpsDbContext db, IEnumerable<Guid> referralIds,
        CancellationToken cancellationToken)
    {
        var ids = referralIds.Distinct().ToList();
        return await db.CaseProgress.AsNoTracking().Where(p => ids.Contains(p.ReferralId)).ToDictionaryAsync(p => p.ReferralId, cancellationToken);
    }
}
