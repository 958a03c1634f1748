using Microsoft.EntityFrameworkCore;
using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Persistence;

internal static class FollowUpSeriesStore
{
    /// <summary>The intervention's follow-up series, tracked; created (not started, not stopped) when none exists yet.</summary>
    public static async Task<FollowUpSeries> FollowUpSeriesOfAsync(this FollowUpsDbContext db, Guid interventionReferralId, Guid referralId,
        CancellationToken cancellationToken)
    {
        var series = await db.FollowUpSeries.FirstOrDefaultAsync(s => s.InterventionReferralId == interventionReferralId, cancellationToken);
        if (series is not null)
        {
            return series;
        }

        await db.EnsureRowAsync<FollowUpSeries>(cancellationToken, (nameof(FollowUpSeries.InterventionReferralId), interventionReferralId),
            (nameof(FollowUpSeries.ReferralId), referralId), (nameof(FollowUpSeries.Stopped), false), (nameof(FollowUpSeries.Version), Guid.NewGuid()));
        return await db.FollowUpSeries.SingleAsync(s => s.InterventionReferralId == interventionReferralId, cancellationToken);
    }
}
