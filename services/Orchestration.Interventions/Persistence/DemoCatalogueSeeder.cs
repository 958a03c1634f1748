using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Options;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Interventions.Persistence;

/// <summary>
/// Demo catalogue (DOMAIN.md §12): interventions the seeds name, in their districts, with places and prices that are
/// the project's own demo values — no seed says what any named intervention costs or how many places it has.
/// Seeded in the embedded profile, or wherever Interventions:SeedDemoCatalogue is true; each entry is added once
/// by its fixed id and never overwritten, so edits survive a restart.
/// </summary>
internal sealed class DemoCatalogueSeeder(HostSettings settings, IOptions<InterventionsOptions> options, TimeProvider time, ILogger<DemoCatalogueSeeder> logger)
    : IDatabaseStartupTask
{
    public static readonly IReadOnlyList<CatalogueIntervention> Entries =
    [
        Entry("5e6e1c1a-0001-4000-8000-000000000001", "Steget", InterventionType.PreRehabilitation, "skarpnack",
            "Sick-listed people with long-term financial aid; three-party talks with the responsible doctor [002]", 12, 45_000m, open: true, aidDecision: true),
        Entry("5e6e1c1a-0001-4000-8000-000000000002", "Kom-i-gång", InterventionType.WorkPreparation, "rinkeby-kista",
            "People not yet ready for work training: health activities, study visits, motivation [002]", 15, 30_000m, open: true, aidDecision: true),
        Entry("5e6e1c1a-0001-4000-8000-000000000003", "Kom-i-gång", InterventionType.WorkPreparation, "farsta",
            "People not yet ready for work training: health activities, study visits, motivation [002]", 10, 30_000m, open: false, aidDecision: true),
        Entry("5e6e1c1a-0001-4000-8000-000000000004", "Praktikcentrum", InterventionType.WorkTraining, "spanga-tensta",
            "Adults on financial aid who need work training; IPS pilot for people with diagnosed mental disabilities [004]", 20, 60_000m, open: true, aidDecision: true),
        Entry("5e6e1c1a-0001-4000-8000-000000000005", "Kompetensverkstan", InterventionType.WorkPreparation, "spanga-tensta",
            "Young people neither working nor studying (UVAS): outreach, motivation and health promotion [004]", 15, 35_000m, open: false, aidDecision: false),
    ];

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!(options.Value.SeedDemoCatalogue ?? settings.IsEmbedded))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InterventionsDbContext>();
        var ids = Entries.Select(e => e.Id).ToList();
        var existing = await db.Catalogue.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var entry in Entries.Where(e => !existing.Contains(e.Id)))
        {
            db.Catalogue.Add(Copy(entry, time.GetUtcNow()));
            logger.LogInformation("Seeded demo catalogue entry {InterventionId}", entry.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static CatalogueIntervention Entry(string id, string name, InterventionType type, string district, string targetGroup, int places,
        decimal price, bool open, bool aidDecision) => new()
        {
            Id = Guid.Parse(id),
            Name = name,
            Type = type,
            ProviderDistrict = district,
            TargetGroup = targetGroup,
            Places = places,
            PricePerPlace = price,
            OpenToOtherDistricts = open,
            RequiresAidDecision = aidDecision,
        };

    private static CatalogueIntervention Copy(CatalogueIntervention e, DateTimeOffset now) => new()
    {
        Id = e.Id,
        Name = e.Name,
        Type = e.Type,
        ProviderDistrict = e.ProviderDistrict,
        TargetGroup = e.TargetGroup,
        Places = e.Places,
        PricePerPlace = e.PricePerPlace,
        OpenToOtherDistricts = e.OpenToOtherDistricts,
        RequiresAidDecision = e.RequiresAidDecision,
        UpdatedAt = now,
        Version = Guid.NewGuid(),
    };
}
