using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.Interventions.Commands;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Endpoints.Referrals;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using static Orchestration.Interventions.Tests.Support.InterventionsTestKit;

namespace Orchestration.Interventions.Tests.Endpoints;

/// <summary>The district-intervention path through the API: open, talk, choose, assignment, plans, start, follow-ups, transfer or closure.</summary>
public sealed class ReferralPathTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_referral_goes_from_opened_to_a_decided_transfer_runs_on_during_the_overlap_and_closes_on_the_process_command()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        using var consultant = await Host.CreateClientForAsync("workconsultant");
        var opened = await OpenReferralAsync(Host);
        opened.State.Should().Be(ReferralState.Opened);
        opened.District.Should().Be(OwnDistrict);

        var talk = await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{opened.Id}/three-party-talks",
            new { heldOn = "2012-03-01", otherParticipants = new[] { "läkare" }, summary = "Agreed on work training" }), HttpStatusCode.Created);
        (await talk.Content.ReadFromJsonAsync<ThreePartyTalkResponse>(Json))!.OtherParticipants.Should().Equal("läkare");
        await PrepareAsync(consultant, opened.Id, Praktikcentrum);
        var started = await (await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{opened.Id}/start",
            new { startedOn = "2012-03-05", aidDecisionReference = "BD-2012-0042" }), HttpStatusCode.OK)).Content.ReadFromJsonAsync<ReferralResponse>(Json);
        started!.State.Should().Be(ReferralState.Started);
        started.StartedOn.Should().Be(new DateOnly(2012, 3, 5));
        started.Warnings.Should().BeEmpty("the aid decision is recorded and a three-party talk was held");

        var first = await ExpectAsync(consultant.PostAsJsonAsync($"{Referrals}/{opened.Id}/follow-ups", FollowUp()), HttpStatusCode.Created);
        var firstFollowUp = (await first.Content.ReadFromJsonAsync<FollowUpResponse>(Json))!;
        firstFollowUp.WorkAbility.Psychological.Level.Should().Be(WorkAbilityLevel.Reduced);
        firstFollowUp.Goals.Should().Equal(new GoalProgress(1, GoalAttainment.PartlyAchieved, "Three days a week"));
        firstFollowUp.Readiness.Select(r => (r.Code, r.Status)).Should().Equal(
            ("TookPartInActivity", ReadinessStatus.Met), ("TravelsToAndFrom", ReadinessStatus.Unknown), ("NoActiveAddiction", ReadinessStatus.Unknown),
            ("HandlesConflictsAndInteraction", ReadinessStatus.Unknown), ("SufficientlyMotivated", ReadinessStatus.Unknown));
        (await consultant.GetFromJsonAsync<FollowUpResponse>(first.Headers.Location, Json)).Should().BeEquivalentTo(firstFollowUp, o => o
            .Using<DateTimeOffset>(t => t.Subject.Should().BeCloseTo(t.Expectation, TimeSpan.FromMilliseconds(1))).WhenTypeIs<DateTimeOffset>());
        await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{opened.Id}/follow-ups", FollowUp(ready: true)), HttpStatusCode.Created);

        var decided = await (await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{opened.Id}/transfer-to-jobbtorg-resurs",
            new { decidedOn = "2012-06-01", note = "Ready after three months" }), HttpStatusCode.OK)).Content.ReadFromJsonAsync<ReferralResponse>(Json);

        decided!.State.Should().Be(ReferralState.AwaitingTransfer, "the intervention runs on until the Resurs intake (the overlap)");
        decided.Transfer.Should().BeEquivalentTo(new { DecidedOn = new DateOnly(2012, 6, 1), DecidedBy = "socialsecretary", Note = "Ready after three months" });
        decided.Closure.Should().BeNull();
        await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{opened.Id}/transfer-to-jobbtorg-resurs", new { }), HttpStatusCode.Conflict);
        await ExpectAsync(consultant.PostAsJsonAsync($"{Referrals}/{opened.Id}/follow-ups", FollowUp()), HttpStatusCode.Created);

        await CloseAsync(Host, new CloseInterventionReferral(opened.ReferralId, opened.Id, ClosureOutcome.ToJobbtorg, DateTimeOffset.UtcNow));

        var closed = await Poll.UntilAsync(async () => await ReadAsync(secretary, opened.Id) is { State: ReferralState.Closed } r ? r : null,
            WaitLimit, "the intervention to close on CloseInterventionReferral");
        closed.Closure.Should().BeEquivalentTo(new { Outcome = ClosureOutcome.ToJobbtorg, TransferredToJobbtorgResurs = true, ClosedBy = "message:CloseInterventionReferral" });
        closed.FollowUps.Should().HaveCount(3);
        closed.Talks.Should().ContainSingle();
        var events = await StagedEventsAsync(opened.Id);
        events.Should().Equal(nameof(InterventionReferralOpened), nameof(InterventionChosen), nameof(AssignmentWritten), nameof(InterventionStarted),
            nameof(InterventionFollowUpRecorded), nameof(InterventionFollowUpRecorded), nameof(TransferToResursDecided), nameof(InterventionFollowUpRecorded),
            nameof(InterventionClosed));
    }

    [Fact]
    public async Task The_events_carry_ids_and_the_judgment_but_no_assessment_or_view_and_all_leave_through_the_outbox()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await OpenReferralAsync(Host);
        await ExpectAsync(secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/intervention", new { interventionId = Praktikcentrum }), HttpStatusCode.OK);
        await ExpectAsync(secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/assignment", Assignment("SECRET-ASSIGNMENT")), HttpStatusCode.OK);
        await ExpectAsync(secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/work-plan", new { content = "SECRET-PLAN" }), HttpStatusCode.OK);
        await ExpectAsync(secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/implementation-plan", new { content = "SECRET-PLAN" }), HttpStatusCode.OK);
        await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{referral.Id}/start", new { }), HttpStatusCode.OK);
        await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{referral.Id}/follow-ups", FollowUp(ready: true, marker: "SECRET-HEALTH")), HttpStatusCode.Created);

        var bodies = await Poll.UntilAsync(() => QueryAsync(Host, async db =>
        {
            var staged = (await db.Set<OutboxMessage>().AsNoTracking().ToListAsync()).Where(m => m.Body.Contains(referral.Id.ToString())).ToList();
            return staged.Count == 5 && staged.All(m => m.DispatchedAt is not null) ? staged.Select(m => m.Body).ToList() : null;
        }), WaitLimit, "the referral's five events to be dispatched");

        bodies.Should().OnlyContain(b => !b.Contains("SECRET") && !b.Contains("Reduced") && !b.Contains("bicycles") && !b.Contains("Tires"));
        bodies.Should().Contain(b => b.Contains("\"readyForJobbtorgResurs\":true"));
    }

    [Fact]
    public async Task A_place_in_another_districts_open_intervention_is_bought_with_its_price_and_the_referral_stays_in_the_persons_district()
    {
        using var consultant = await Host.CreateClientForAsync("workconsultant");
        var referral = await OpenReferralAsync(Host);
        var before = await PlacesLeftAsync(consultant, Steget);

        var chosen = await (await ExpectAsync(consultant.PutAsJsonAsync($"{Referrals}/{referral.Id}/intervention", new { interventionId = Steget }),
            HttpStatusCode.OK)).Content.ReadFromJsonAsync<ReferralResponse>(Json);

        chosen!.District.Should().Be(OwnDistrict);
        chosen.Place.Should().BeEquivalentTo(new { InterventionId = Steget, Name = "Steget", ProviderDistrict = "skarpnack", PricePerPlace = 45_000m, PlaceBought = true });
        chosen.Warnings.Should().Contain(w => w.Contains("trepartssamtal"));
        (await PlacesLeftAsync(consultant, Steget)).Should().Be(before - 1);
        var body = await QueryAsync(Host, async db => (await db.Set<OutboxMessage>().AsNoTracking().ToListAsync())
            .Single(m => m.MessageType.StartsWith(typeof(InterventionChosen).FullName!) && m.Body.Contains(referral.Id.ToString())).Body);
        body.Should().Contain("\"pricePerPlace\":45000").And.Contain("\"providerDistrict\":\"skarpnack\"");
    }

    [Fact]
    public async Task An_own_district_place_carries_no_purchase_price_in_the_event()
    {
        using var consultant = await Host.CreateClientForAsync("workconsultant");
        var referral = await OpenReferralAsync(Host);

        var chosen = await (await ExpectAsync(consultant.PutAsJsonAsync($"{Referrals}/{referral.Id}/intervention", new { interventionId = Praktikcentrum }),
            HttpStatusCode.OK)).Content.ReadFromJsonAsync<ReferralResponse>(Json);

        chosen!.Place!.PlaceBought.Should().BeFalse();
        chosen.Place.PricePerPlace.Should().Be(60_000m, "the catalogue price is kept for the statistics");
        var body = await QueryAsync(Host, async db => (await db.Set<OutboxMessage>().AsNoTracking().ToListAsync())
            .Single(m => m.MessageType.StartsWith(typeof(InterventionChosen).FullName!) && m.Body.Contains(referral.Id.ToString())).Body);
        body.Should().Contain("\"pricePerPlace\":null");
    }

    [Fact]
    public async Task A_start_without_the_aid_decision_the_intervention_needs_goes_ahead_with_a_warning_until_it_is_recorded()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await OpenReferralAsync(Host);
        await PrepareAsync(secretary, referral.Id, Praktikcentrum);

        var started = await (await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{referral.Id}/start", new { }), HttpStatusCode.OK))
            .Content.ReadFromJsonAsync<ReferralResponse>(Json);
        started!.State.Should().Be(ReferralState.Started);
        started.Warnings.Should().Contain(w => w.Contains("beslut om bistånd"));

        var recorded = await (await ExpectAsync(secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/aid-decision", new { reference = "BD-2012-0077" }),
            HttpStatusCode.OK)).Content.ReadFromJsonAsync<ReferralResponse>(Json);
        recorded!.AidDecisionReference.Should().Be("BD-2012-0077");
        recorded.Warnings.Should().NotContain(w => w.Contains("beslut om bistånd"));
    }

    [Fact]
    public async Task An_intervention_without_an_aid_decision_rule_starts_without_a_warning()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await OpenReferralAsync(Host);
        await PrepareAsync(secretary, referral.Id, Kompetensverkstan);
        await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{referral.Id}/three-party-talks", new { heldOn = "2012-02-01" }), HttpStatusCode.Created);

        var started = await (await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{referral.Id}/start", new { }), HttpStatusCode.OK))
            .Content.ReadFromJsonAsync<ReferralResponse>(Json);

        started!.Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Work")]
    [InlineData("studies")]
    [InlineData("FkCompensation")]
    [InlineData("LostContact")]
    public async Task A_started_intervention_closes_with_an_outcome_frees_its_place_and_takes_no_more_follow_ups(string outcome)
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var id = await StartedReferralAsync(Host, secretary, Praktikcentrum);
        var placesBefore = await PlacesLeftAsync(secretary, Praktikcentrum);

        var closed = await (await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{id}/close", new { outcome, note = "Got a job at a bakery" }),
            HttpStatusCode.OK)).Content.ReadFromJsonAsync<ReferralResponse>(Json);

        closed!.Closure!.Outcome.ToString().Should().BeEquivalentTo(outcome);
        closed.Closure.TransferredToJobbtorgResurs.Should().BeFalse();
        (await PlacesLeftAsync(secretary, Praktikcentrum)).Should().Be(placesBefore + 1);
        await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{id}/follow-ups", FollowUp()), HttpStatusCode.Conflict);
        (await StagedEventsAsync(id)).Last().Should().Be(nameof(InterventionClosed));
    }

    [Fact]
    public async Task A_referral_closes_before_the_start_when_the_person_moves()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await OpenReferralAsync(Host);

        var closed = await (await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{referral.Id}/close", new { outcome = "MovedOrChangedDistrict" }),
            HttpStatusCode.OK)).Content.ReadFromJsonAsync<ReferralResponse>(Json);

        closed!.State.Should().Be(ReferralState.Closed);
        closed.Closure!.Outcome.Should().Be(ClosureOutcome.MovedOrChangedDistrict);
    }

    [Fact]
    public async Task The_district_list_shows_its_own_referrals_filtered_by_state_and_audits_each_one_read()
    {
        using var consultant = await Host.CreateClientForAsync("workconsultant");
        var own = await OpenReferralAsync(Host);
        var other = await OpenReferralAsync(Host, "farsta");

        var listed = (await consultant.GetFromJsonAsync<List<ListedReferral>>($"{Referrals}?state=Opened", Json))!;

        listed.Should().Contain(r => r.InterventionReferralId == own.Id).And.NotContain(r => r.InterventionReferralId == other.Id);
        listed.Should().OnlyContain(r => r.State == ReferralState.Opened);
        (await consultant.GetFromJsonAsync<List<ListedReferral>>($"{Referrals}?personId={own.PersonId}", Json)).Should().ContainSingle();
        var audit = await QueryAsync(Host, db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.CaseId == own.Id.ToString()).ToListAsync());
        audit.Should().Contain(a => a.Actor == "workconsultant" && a.Action == AuditAction.Read);
    }

    [Fact]
    public async Task Every_read_and_change_of_a_referral_is_audited_with_who_but_no_content()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await OpenReferralAsync(Host);
        await ExpectAsync(secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/intervention", new { interventionId = Praktikcentrum }), HttpStatusCode.OK);
        await ExpectAsync(secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/assignment", Assignment()), HttpStatusCode.OK);
        await ReadAsync(secretary, referral.Id);

        var audit = await QueryAsync(Host, db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.CaseId == referral.Id.ToString()).OrderBy(a => a.At).ToListAsync());

        audit.Select(a => (a.Actor, a.Action, a.CaseType, a.District)).Should().Equal(
            ("message:OpenInterventionReferral", AuditAction.Created, nameof(InterventionReferral), OwnDistrict),
            ("socialsecretary", AuditAction.Changed, nameof(InterventionReferral), OwnDistrict),
            ("socialsecretary", AuditAction.Changed, nameof(InterventionReferral), OwnDistrict),
            ("socialsecretary", AuditAction.Read, nameof(InterventionReferral), OwnDistrict));
    }

    [Fact]
    public async Task The_readiness_checklist_lists_the_five_example_items_of_seed_002()
    {
        using var consultant = await Host.CreateClientForAsync("workconsultant");

        var items = (await consultant.GetFromJsonAsync<List<ReadinessItem>>("/api/interventions/readiness-items"))!;

        items.Select(i => i.Code).Should().Equal("TookPartInActivity", "TravelsToAndFrom", "NoActiveAddiction", "HandlesConflictsAndInteraction", "SufficientlyMotivated");
    }

    private sealed record ListedReferral(Guid InterventionReferralId, Guid PersonId, ReferralState State);

    private static async Task<int> PlacesLeftAsync(HttpClient client, Guid interventionId) =>
        (await client.GetFromJsonAsync<Entry>($"{Catalogue}/{interventionId}"))!.PlacesLeft;

    private sealed record Entry(int PlacesLeft);

    /// <summary>The short names of the events staged for one intervention referral, in order.</summary>
    private Task<List<string>> StagedEventsAsync(Guid interventionReferralId) => QueryAsync(Host, async db =>
        (await db.Set<OutboxMessage>().AsNoTracking().ToListAsync())
            .Where(m => m.Body.Contains(interventionReferralId.ToString()))
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.MessageType.Split(',')[0].Split('.')[^1])
            .ToList());
}
