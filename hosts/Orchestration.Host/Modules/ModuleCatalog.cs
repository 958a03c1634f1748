using Orchestration.CaseTimeline;
using Orchestration.FinancialAid;
using Orchestration.FollowUps;
using Orchestration.Interventions;
using Orchestration.Jobbtorg;
using Orchestration.Pages;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.Statistics;
using Orchestration.Workflows.Api;

namespace Orchestration.Host.Modules;

/// <summary>
/// The modules this executable can run, switched by configuration (<c>Modules:&lt;Name&gt;=true|false</c>, all on by
/// default) so that one build serves both the embedded host and each process of a production topology.
/// </summary>
internal static class ModuleCatalog
{
    public static readonly IReadOnlyList<HostModule> All =
    [
        new("Workflows", (s, c) => s.AddWorkflows(c), e => e.MapWorkflows()),
        new(FinancialAidModule.Name, (s, c) => s.AddFinancialAid(c), e => e.MapFinancialAid()),
        new(JobbtorgModule.Name, (s, c) => s.AddJobbtorg(c), e => e.MapJobbtorg()),
        new(InterventionsModule.Name, (s, c) => s.AddInterventions(c), e => e.MapInterventions()),
        new(FollowUpsModule.Name, (s, c) => s.AddFollowUps(c), e => e.MapFollowUps()),
        new(StatisticsModule.Name, (s, c) => s.AddStatistics(c), e => e.MapStatistics()),
        new(CaseTimelineModule.Name, (s, c) => s.AddCaseTimeline(c), e => e.MapCaseTimeline()),
        new(PagesModule.Name, (s, c) => s.AddPages(c), e => e.MapPages()),
    ];

    /// <summary>The enabled modules; an unknown name or a value that is not a boolean stops the host.</summary>
    public static IReadOnlyList<HostModule> Enabled(IConfiguration configuration)
    {
        var section = configuration.GetSection(SettingNames.Modules);
        foreach (var child in section.GetChildren())
        {
            if (!All.Any(m => string.Equals(m.Name, child.Key, StringComparison.OrdinalIgnoreCase)))
            {
                throw new HostConfigurationException($"{SettingNames.Modules}:{child.Key}",
                    $"unknown module '{child.Key}'; known modules are {string.Join(", ", All.Select(m => m.Name))}.");
            }
        }

        return All.Where(m => HostSettingsReader.ReadBool(configuration, $"{SettingNames.Modules}:{m.Name}", defaultValue: true)).ToList();
    }
}
