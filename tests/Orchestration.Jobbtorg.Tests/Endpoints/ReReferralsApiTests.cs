using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Endpoints.ReReferrals;
using Orchestration.Jobbtorg.Tests.Support;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.Testing.Hosting;

namespace Orchestration.Jobbtorg.Tests.Endpoints;

/// <summary>The reason for a re-referral never travels in a message: the district's social secretary reads it here.</summary>
public sealed class ReReferralsApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private const string Route = JobbtorgCase.Route;

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task The_social_secretary_of_the_referrals_district_reads_the_reason_and_the_read_is_audited()
    {
        var reReferral = await ReReferAsync(JobbtorgCase.LocalDistrict);
        using var secretary = await Host.CreateClientForAsync("socialsecretary");

        var read = await secretary.GetFromJsonAsync<ReReferralView>($"{Route}/re-referrals/{reReferral.ReReferralId}", JobbtorgCase.Json);

        // The stored time keeps SQLite's tick precision, not the full precision of the answer to the POST.
        read.Should().BeEquivalentTo(reReferral, o => o
            .Using<DateTimeOffset>(c => c.Subject.Should().BeCloseTo(c.Expectation, TimeSpan.FromMilliseconds(1))).WhenTypeIs<DateTimeOffset>());
        read!.ReasonText.Should().Be("Oklart varför det inte fungerar");
        var audit = await JobbtorgCase.QueryAsync(Host, db => db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.CaseId == reReferral.ReReferralId.ToString()).OrderBy(a => a.Action).ToListAsync());
        audit.Select(a => (a.Actor, a.Action, a.CaseType)).Should().Equal(
            ("jobbtorgcoach", AuditAction.Created, "ReReferral"), ("socialsecretary", AuditAction.Read, "ReReferral"));
    }

    [Fact]
    public async Task Another_districts_social_secretary_is_refused_with_the_reason_and_nothing_is_recorded()
    {
        var reReferral = await ReReferAsync("farsta");
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var before = await JobbtorgCase.CountsAsync(Host);

        var response = await secretary.GetAsync($"{Route}/re-referrals/{reReferral.ReReferralId}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("You act for district 'spanga-tensta'; this case belongs to another district.");
        (await JobbtorgCase.CountsAsync(Host)).Should().Be(before);
    }

    [Fact]
    public async Task A_coach_reads_a_re_referral_of_any_district()
    {
        var reReferral = await ReReferAsync("farsta");
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");

        var read = await coach.GetFromJsonAsync<ReReferralView>($"{Route}/re-referrals/{reReferral.ReReferralId}", JobbtorgCase.Json);

        read!.ReasonLabel.Should().Be("Icke identifierade hinder");
    }

    private async Task<ReReferralView> ReReferAsync(string district)
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var referral = await JobbtorgCase.TakenInAsync(Host, coach, district);
        var response = await coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/re-referral",
            new { reasonCode = "UnidentifiedObstacles", reasonText = "Oklart varför det inte fungerar" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ReReferralView>(JobbtorgCase.Json))!;
    }
}
