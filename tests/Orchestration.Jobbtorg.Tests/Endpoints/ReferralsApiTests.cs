using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints.Referrals;
using Orchestration.Jobbtorg.Endpoints.ReReferrals;
using Orchestration.Jobbtorg.Tests.Support;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.Testing.Hosting;

namespace Orchestration.Jobbtorg.Tests.Endpoints;

/// <summary>A coach's work on a referral, end to end through the API, with the events that leave and the audit trail.</summary>
public sealed class ReferralsApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private const string Route = JobbtorgCase.Route;

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_coach_takes_a_referral_through_intake_FIA_two_interventions_and_a_re_referral_and_each_step_leaves_its_event()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var received = await JobbtorgCase.ReceiveAsync(Host, district: "farsta");

        var intake = await coach.PostAsJsonAsync($"{Route}/referrals/{received.Id}/intake", JobbtorgCase.Intake);
        intake.StatusCode.Should().Be(HttpStatusCode.OK, await intake.Content.ReadAsStringAsync());
        var afterIntake = (await intake.Content.ReadFromJsonAsync<ReferralResponse>(JobbtorgCase.Json))!;
        afterIntake.Status.Should().Be(ReferralStatus.TakenIn);
        afterIntake.Intake.Should().BeEquivalentTo(new
        {
            HighestEducation = EducationLevel.UpperSecondary,
            SwedishLevel = SwedishLevel.SfiD,
            YearsSinceLastWork = 2,
            JobSeeking = JobSeekingStatus.SeekingOccasionally,
            RegisteredWithArbetsformedlingen = true,
            HasDrivingLicence = false,
            CompletedBy = "jobbtorgcoach",
        });

        var fia = await coach.PostAsJsonAsync($"{Route}/referrals/{received.Id}/fia-job-part", new { goal = "Studies", needsValidation = true, notes = "Utbildning från hemlandet" });
        fia.StatusCode.Should().Be(HttpStatusCode.OK, await fia.Content.ReadAsStringAsync());

        var first = await BookAsync(coach, received.Id, "StudyAndCareerGuidance");
        (await coach.PostAsync($"{Route}/referrals/{received.Id}/interventions/{first.InterventionId}/start", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var second = await BookAsync(coach, received.Id, "SfiWithPractice");
        (await coach.PostAsync($"{Route}/referrals/{received.Id}/interventions/{second.InterventionId}/start", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var ended = await coach.PostAsJsonAsync($"{Route}/referrals/{received.Id}/interventions/{first.InterventionId}/end", new { completed = true });
        (await ended.Content.ReadFromJsonAsync<InterventionView>(JobbtorgCase.Json))!.Should().BeEquivalentTo(new { State = InterventionState.Ended, Completed = true });
        (await coach.PostAsJsonAsync($"{Route}/referrals/{received.Id}/interventions/{second.InterventionId}/end", new { completed = false }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var reReferral = await coach.PostAsJsonAsync($"{Route}/referrals/{received.Id}/re-referral", new { reasonCode = "MentalIllHealth", reasonText = "Behöver kontakt med psykiatrin" });
        reReferral.StatusCode.Should().Be(HttpStatusCode.Created, await reReferral.Content.ReadAsStringAsync());
        var view = (await reReferral.Content.ReadFromJsonAsync<ReReferralView>(JobbtorgCase.Json))!;
        reReferral.Headers.Location!.ToString().Should().Be($"{Route}/re-referrals/{view.ReReferralId}");
        view.Should().BeEquivalentTo(new { ReasonCode = "MentalIllHealth", ReasonLabel = "Psykisk ohälsa", District = "farsta", received.ReferralId });

        var final = (await coach.GetFromJsonAsync<ReferralResponse>($"{Route}/referrals/{received.Id}", JobbtorgCase.Json))!;
        final.Status.Should().Be(ReferralStatus.ReReferred);
        final.Interventions.Select(i => (i.Kind, i.State, i.Completed)).Should().Equal(
            ("StudyAndCareerGuidance", InterventionState.Ended, true), ("SfiWithPractice", InterventionState.Ended, false));
        final.ReReferral!.ReReferralId.Should().Be(view.ReReferralId);

        var staged = await JobbtorgCase.StagedForAsync(Host, received.ReferralId);
        staged.Select(s => s.Type).Should().Equal("JobbtorgReferralReceived", "JobbtorgIntakeCompleted", "FiaJobPartCompleted",
            "JobbtorgInterventionStarted", "JobbtorgInterventionStarted", "JobbtorgInterventionEnded", "JobbtorgInterventionEnded", "ReReferredToDistrict");
        staged.Last().Body.Should().Contain(view.ReReferralId.ToString()).And.Contain("\"district\":\"farsta\"");
        staged.Should().OnlyContain(s => !s.Body.Contains("MentalIllHealth") && !s.Body.Contains("psykiatrin") && !s.Body.Contains("undersköterska")
            && !s.Body.Contains("hemlandet") && !s.Body.Contains(received.PersonId.ToString()), "reasons and free text stay in Jobbtorg");
    }

    [Fact]
    public async Task Jobbtorg_Resurs_takes_in_a_Resurs_referral_with_the_planned_transfer_date_and_may_then_book_interventions()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var received = await JobbtorgCase.ReceiveAsync(Host, unit: JobbtorgUnit.JobbtorgResurs);
        var transferOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21);

        var response = await coach.PostAsJsonAsync($"{Route}/referrals/{received.Id}/resurs-intake", new { plannedTransferOn = transferOn });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var referral = (await response.Content.ReadFromJsonAsync<ReferralResponse>(JobbtorgCase.Json))!;
        referral.Status.Should().Be(ReferralStatus.TakenIn);
        referral.ResursIntake!.PlannedTransferOn.Should().Be(transferOn);
        var staged = await JobbtorgCase.StagedForAsync(Host, received.ReferralId);
        staged.Select(s => s.Type).Should().Equal("JobbtorgReferralReceived", "ResursIntakeCompleted");
        staged[1].Body.Should().Contain($"\"transferOn\":\"{transferOn:yyyy-MM-dd}\"");
        (await coach.PostAsJsonAsync($"{Route}/referrals/{received.Id}/interventions", new { kind = "MotivationWork" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_list_shows_referrals_from_every_district_filtered_and_each_read_and_change_is_audited()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var farsta = await JobbtorgCase.ReceiveAsync(Host, district: "farsta");
        var local = await JobbtorgCase.TakenInAsync(Host, coach);

        var fromFarsta = (await coach.GetFromJsonAsync<List<ReferralSummary>>($"{Route}/referrals?district=Farsta&status=received", JobbtorgCase.Json))!;
        var byReferral = (await coach.GetFromJsonAsync<List<ReferralSummary>>($"{Route}/referrals?referralId={local.ReferralId}", JobbtorgCase.Json))!;
        await coach.GetAsync($"{Route}/referrals/{local.Id}");

        fromFarsta.Should().Contain(s => s.JobbtorgReferralId == farsta.Id).And.OnlyContain(s => s.District == "farsta" && s.Status == ReferralStatus.Received);
        byReferral.Should().ContainSingle().Which.Should().BeEquivalentTo(new { JobbtorgReferralId = local.Id, Status = ReferralStatus.TakenIn, Unit = JobbtorgUnit.Jobbtorg });
        var audit = await JobbtorgCase.QueryAsync(Host, db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.CaseId == local.Id.ToString()).ToListAsync());
        audit.Select(a => (a.Actor, a.Action, a.CaseType, a.District)).Should().BeEquivalentTo(new[]
        {
            ("jobbtorgcoach", AuditAction.Changed, "JobbtorgReferral", "spanga-tensta"),
            ("jobbtorgcoach", AuditAction.Read, "JobbtorgReferral", "spanga-tensta"),
            ("jobbtorgcoach", AuditAction.Read, "JobbtorgReferral", "spanga-tensta"),
        });
    }

    private async Task<InterventionView> BookAsync(HttpClient coach, Guid referralId, string kind)
    {
        var response = await coach.PostAsJsonAsync($"{Route}/referrals/{referralId}/interventions", new { kind });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var booked = (await response.Content.ReadFromJsonAsync<InterventionView>(JobbtorgCase.Json))!;
        booked.State.Should().Be(InterventionState.Booked);
        return booked;
    }
}
