using Microsoft.EntityFrameworkCore;
using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Persistence;

internal static class CaseProgressStore
{
    /// <summary>
    /// The referral's progress row, tracked, advanced to <paramref name="stage"/> when one is given. The row is created
    /// first if this is the first event heard of the referral (see <see cref="RowsIfAbsent"/>).
    /// </summary>
    public static async Task<CaseProgress> FindOrStartAsync(this FollowUpsDbContext db, Guid referralId, CaseStage? stage, DateTimeOffset at, string? district,
        CancellationToken cancellationToken)
    {
        var progress = await db.CaseProgress.FirstOrDefaultAsync(p => p.ReferralId == referralId, cancellationToken);
        if (progress is null)
        {
            await db.EnsureRowAsync<CaseProgress>(cancellationToken, (nameof(CaseProgress.ReferralId), referralId), (nameof(CaseProgress.Version), Guid.NewGuid()));
            progress = await db.CaseProgress.SingleAsync(p => p.ReferralId == referralId, cancellationToken);
        }

        if (stage is { } next)
        {
            progress.Advance(next, at, district);
        }
        else
        {
            progress.KnowDistrict(district);
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
