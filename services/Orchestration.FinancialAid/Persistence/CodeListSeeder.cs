using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Options;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.FinancialAid.Persistence;

/// <summary>
/// Installs the configured lists and the aid decision cap on first start: a list with no code yet, and a setting not
/// yet stored, come from section FinancialAid (the seeds' defaults when unset). From then on the database is the
/// truth and configuration is not read again, so the process owner's edits survive a restart.
/// </summary>
internal sealed class CodeListSeeder(IOptions<FinancialAidOptions> options, ILogger<CodeListSeeder> logger) : IDatabaseStartupTask
{
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
        var configured = options.Value;
        var seeded = await db.Codes.Select(c => c.List).Distinct().ToListAsync(cancellationToken);
        var lists = new (CodeList List, IReadOnlyList<string> Codes)[]
        {
            (CodeList.JobbtorgTargetGroup, configured.EffectiveJobbtorgTargetGroups), (CodeList.OtherTargetGroup, configured.EffectiveOtherTargetGroups),
            (CodeList.FiaSocialArea, configured.EffectiveFiaSocialAreas), (CodeList.OtherRoute, configured.EffectiveOtherRoutes),
        };
        foreach (var (list, codes) in lists.Where(l => !seeded.Contains(l.List)))
        {
            db.Codes.AddRange(DefaultCodes.Install(list, codes));
            logger.LogInformation("Installed the code list {CodeList} with {Count} codes from configuration", list, codes.Count);
        }

        if (!await db.Settings.AnyAsync(s => s.Name == ProcessSetting.AidDecisionMaxValidityDays, cancellationToken))
        {
            db.Settings.Add(new ProcessSetting { Name = ProcessSetting.AidDecisionMaxValidityDays, Value = configured.AidDecisionMaxValidityDays });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
