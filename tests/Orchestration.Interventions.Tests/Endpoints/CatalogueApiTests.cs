using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Endpoints.Catalogue;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.Testing.Hosting;
using static Orchestration.Interventions.Tests.Support.InterventionsTestKit;

namespace Orchestration.Interventions.Tests.Endpoints;

/// <summary>The city-wide catalogue: read by every role, maintained by the providing district; places left follow the referrals.</summary>
public sealed class CatalogueApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    private static readonly object Bakery = new
    {
        name = "Bageriet",
        type = "WorkTraining",
        targetGroup = "Adults far from the labour market",
        places = 8,
        pricePerPlace = 40000,
        openToOtherDistricts = true,
        requiresAidDecision = true,
    };

    [Fact]
    public async Task The_embedded_profile_has_the_demo_interventions_of_the_seeds()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");

        var entries = (await coach.GetFromJsonAsync<List<CatalogueEntryResponse>>(Catalogue, Json))!;

        entries.Select(e => (e.Name, e.ProviderDistrict)).Should().Contain([
            ("Steget", "skarpnack"), ("Kom-i-gång", "rinkeby-kista"), ("Kom-i-gång", "farsta"), ("Praktikcentrum", "spanga-tensta"),
            ("Kompetensverkstan", "spanga-tensta")]);
        entries.Single(e => e.InterventionId == Steget).Should().BeEquivalentTo(new
        {
            Type = InterventionType.PreRehabilitation,
            Places = 12,
            PlacesLeft = 12,
            OpenToOtherDistricts = true,
            RequiresAidDecision = true,
        });
        var open = (await coach.GetFromJsonAsync<List<CatalogueEntryResponse>>($"{Catalogue}?openToOtherDistricts=true", Json))!;
        open.Should().NotBeEmpty().And.OnlyContain(e => e.OpenToOtherDistricts);
        var farsta = (await coach.GetFromJsonAsync<List<CatalogueEntryResponse>>($"{Catalogue}?providerDistrict=Farsta", Json))!;
        farsta.Should().Contain(e => e.InterventionId == KomIGangFarsta).And.OnlyContain(e => e.ProviderDistrict == "farsta");
    }

    [Fact]
    public async Task A_work_consultant_adds_and_edits_an_intervention_of_their_own_district_and_the_change_is_audited()
    {
        using var consultant = await Host.CreateClientForAsync("workconsultant");

        var created = await ExpectAsync(consultant.PostAsJsonAsync(Catalogue, Bakery), HttpStatusCode.Created);
        var entry = (await created.Content.ReadFromJsonAsync<CatalogueEntryResponse>(Json))!;
        entry.Should().BeEquivalentTo(new { Name = "Bageriet", ProviderDistrict = OwnDistrict, Places = 8, PlacesLeft = 8, PricePerPlace = 40000m });
        created.Headers.Location!.ToString().Should().Be($"{Catalogue}/{entry.InterventionId}");

        var edited = await ExpectAsync(consultant.PutAsJsonAsync($"{Catalogue}/{entry.InterventionId}",
            new { name = "Bageriet", type = "WorkTraining", targetGroup = "Young adults", places = 10, pricePerPlace = 42000 }), HttpStatusCode.OK);

        (await edited.Content.ReadFromJsonAsync<CatalogueEntryResponse>(Json)).Should().BeEquivalentTo(new
        {
            TargetGroup = "Young adults",
            Places = 10,
            PricePerPlace = 42000m,
            OpenToOtherDistricts = false,
        });
        var audit = await QueryAsync(Host, db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.CaseId == entry.InterventionId.ToString()).ToListAsync());
        audit.Select(a => (a.Actor, a.Action)).Should().BeEquivalentTo(new[] { ("workconsultant", AuditAction.Created), ("workconsultant", AuditAction.Changed) });
    }

    [Fact]
    public async Task Another_districts_entry_is_maintained_only_by_that_district_or_an_administrator()
    {
        using var consultant = await Host.CreateClientForAsync("workconsultant");
        using var admin = await Host.CreateClientForAsync("admin");
        var before = await SnapshotAsync(Host);

        var edit = await consultant.PutAsJsonAsync($"{Catalogue}/{Steget}", Bakery);
        var add = await consultant.PostAsJsonAsync(Catalogue, new { name = "X", type = "Other", providerDistrict = "farsta", targetGroup = "Y", places = 1 });

        edit.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await edit.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("skarpnack");
        add.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await SnapshotAsync(Host)).Should().Be(before);
        await ExpectAsync(admin.PostAsJsonAsync(Catalogue, new { name = "Feriearbete", type = "Other", providerDistrict = "farsta", targetGroup = "16–19", places = 30 }),
            HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_entry_with_an_unknown_type_or_no_places_is_refused_and_nothing_is_stored()
    {
        using var consultant = await Host.CreateClientForAsync("workconsultant");
        var before = await SnapshotAsync(Host);

        var response = await consultant.PostAsJsonAsync(Catalogue, new { name = "Bageriet", type = "Bakery", targetGroup = "Adults" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors.Keys.Should().BeEquivalentTo("type", "places");
        problem.Errors["type"].Single().Should().Contain("WorkTraining");
        (await SnapshotAsync(Host)).Should().Be(before);
    }

    [Fact]
    public async Task Fewer_places_than_are_taken_is_refused()
    {
        using var consultant = await Host.CreateClientForAsync("workconsultant");
        var entry = (await (await ExpectAsync(consultant.PostAsJsonAsync(Catalogue, Bakery), HttpStatusCode.Created))
            .Content.ReadFromJsonAsync<CatalogueEntryResponse>(Json))!;
        var referral = await OpenReferralAsync(Host);
        await ExpectAsync(consultant.PutAsJsonAsync($"{Referrals}/{referral.Id}/intervention", new { interventionId = entry.InterventionId }), HttpStatusCode.OK);
        (await consultant.GetFromJsonAsync<CatalogueEntryResponse>($"{Catalogue}/{entry.InterventionId}", Json))!.PlacesLeft.Should().Be(7);
        var before = await SnapshotAsync(Host);

        var response = await consultant.PutAsJsonAsync($"{Catalogue}/{entry.InterventionId}",
            new { name = "Bageriet", type = "WorkTraining", targetGroup = "Adults", places = 0 });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await SnapshotAsync(Host)).Should().Be(before);
    }
}
