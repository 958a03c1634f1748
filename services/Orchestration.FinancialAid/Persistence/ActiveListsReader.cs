using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Persistence;

/// <summary>Reads the choosable codes and the aid decision cap for one request (a few dozen rows).</summary>
internal static class ActiveListsReader
{
    public static async Task<ActiveLists> ReadActiveListsAsync(this FinancialAidDbContext db, CancellationToken cancellationToken)
    {
        var codes = await db.Codes.AsNoTracking().Where(c => c.Active).ToListAsync(cancellationToken);
        var cap = await db.Settings.AsNoTracking().Where(s => s.Name == ProcessSetting.AidDecisionMaxValidityDays).Select(s => (int?)s.Value)
            .FirstOrDefaultAsync(cancellationToken);
        return ActiveLists.From(codes, cap ?? new Options.FinancialAidOptions().AidDecisionMaxValidityDays);
    }
}
