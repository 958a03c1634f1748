using System.Diagnostics;
using System.Text.Json.Nodes;
using Orchestration.Contracts.Referrals;
using Xunit.Abstractions;

namespace Orchestration.Workflows.Api.Tests.Process;

/// <summary>
/// The shipped referral process (workflows/definitions) driven by events in different orders on the real runtime,
/// asserting every command it sends, exactly once, in order (what one event causes is listed by name).
/// </summary>
public sealed class ReferralProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Straight_path_to_Jobbtorg_refers_once_and_a_closure_with_work_closes_the_case_and_ends_the_process()
    {
        await using var engine = await ProcessEngine.StartAsync();
        var referral = new ReferralCase(engine);

        await referral.Applied();
        await referral.Part1();
        await referral.Screened(inTargetGroup: true);
        await referral.Part2();
        await referral.Part3();
        await referral.ObstacleRecorded();
        await referral.RouteDecided(Route.Jobbtorg);
        await referral.JobbtorgInterventionStarted(Guid.NewGuid());
        (await referral.MainStatus()).Should().Be("Suspended", await engine.IncidentsAsync(referral.ReferralId));
        await referral.JobbtorgReferralClosed(ClosureOutcome.Work);
        await referral.CaseClosed(ClosureOutcome.Work);

        var commands = await referral.Commands();
        Names(commands).Should().Equal(["IssueJobbtorgReferral", "CloseCase", "CloseInterventionReferral", "CloseJobbtorgReferral"],
            "the route decision repeats the open Jobbtorg referral, so nothing more is sent: " + string.Join("\n", commands));
        commands[0]["unit"].Should().Be("Jobbtorg");
        commands[0]["personId"].Should().Be(referral.PersonId.ToString());
        commands[1]["outcome"].Should().Be("Work");
        commands[1]["reportedBy"].Should().Be("Jobbtorg");
        commands[2]["interventionReferralId"].Should().BeNull("null closes every open intervention of the case");
        commands[3]["outcome"].Should().Be("Work");
        (await referral.MainStatus()).Should().Be("Finished");
        (await engine.IncidentsAsync(referral.ReferralId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Fia_then_a_district_intervention_with_follow_ups_is_transferred_to_Resurs_and_closed_only_after_the_overlap()
    {
        var clock = Stopwatch.StartNew();
        await using var engine = await ProcessEngine.StartAsync();
        var referral = new ReferralCase(engine);
        var intervention = Guid.NewGuid();

        // Financial aid's responsibility event overtakes the application's: kept until the process listens.
        await referral.ResponsibleAssigned("socialsecretary");
        await referral.Applied();
        await referral.ResponsibleAssigned("ssek-anna");
        await referral.Screened(inTargetGroup: false);
        await referral.Part3();
        await referral.Part1();
        await referral.ObstacleRecorded();
        await referral.FiaJobPartRequested();
        await referral.FiaSocialPart();
        await referral.FiaJobPart();
        await referral.RouteDecided(Route.DistrictIntervention);
        // The intervention service's events overtake each other (one queue per contract): started before opened.
        await referral.InterventionStarted(intervention);
        await referral.InterventionOpened(intervention);
        Names(await referral.Commands()).Should().Equal(["RequestFiaJobPart", "OpenInterventionReferral", "ScheduleFollowUps"],
            await engine.IncidentsAsync(referral.ReferralId));
        var schedule = (await referral.Commands())[2];
        schedule["interventionReferralId"].Should().Be(intervention.ToString());
        schedule["firstAfter"].Should().Be("P1M");
        schedule["interval"].Should().Be("P3M");
        schedule["district"].Should().Be(ReferralCase.District);
        schedule["responsibleSocialSecretary"].Should().Be("ssek-anna", "reminders go to the case's responsible social secretary, reassigned last");

        (await engine.AdvanceAsync(TimeSpan.FromDays(120))).Should().Be(0, "follow-ups are the follow-ups module's deadlines, not timers here");
        await referral.TransferDecided(intervention);
        var transferOn = DateOnly.FromDateTime(engine.Clock.GetUtcNow().UtcDateTime.AddDays(14));
        await referral.ResursIntake(transferOn);
        Names(await referral.Commands()).Should().Equal(["RequestFiaJobPart", "OpenInterventionReferral", "ScheduleFollowUps", "IssueJobbtorgReferral"]);
        (await referral.Commands())[3]["unit"].Should().Be("JobbtorgResurs");

        await engine.AdvanceAsync(TimeSpan.FromDays(13));
        Names(await referral.Commands()).Should().HaveCount(4, "the intervention stays open during the overlap");
        (await engine.InstancesAsync(referral.ReferralId)).Single(i => i.DefinitionId == "district-intervention").SubStatus.Should().Be("Suspended");

        (await engine.AdvanceAsync(TimeSpan.FromDays(1))).Should().Be(1, "the overlap ends on TransferOn");
        var commands = await referral.Commands();
        Names(commands).Should().Equal(["RequestFiaJobPart", "OpenInterventionReferral", "ScheduleFollowUps", "IssueJobbtorgReferral",
            "CloseInterventionReferral", "StopFollowUps"]);
        commands[4]["interventionReferralId"].Should().Be(intervention.ToString());
        commands[4]["outcome"].Should().Be("ToJobbtorg");
        commands[5]["interventionReferralId"].Should().Be(intervention.ToString());
        (await engine.InstancesAsync(referral.ReferralId)).Single(i => i.DefinitionId == "district-intervention").SubStatus.Should().Be("Finished");

        // The intervention service confirms the closure: ToJobbtorg does not end the case.
        await referral.InterventionClosed(intervention, ClosureOutcome.ToJobbtorg);
        (await referral.Commands()).Should().HaveCount(6);
        (await referral.MainStatus()).Should().Be("Suspended");
        (await engine.IncidentsAsync(referral.ReferralId)).Should().BeEmpty();
        output.WriteLine($"Full FIA → district → Resurs path with fake time (engine, SQLite, incl. start-up): {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Parallel_district_and_Jobbtorg_routes_act_on_both_and_each_district_intervention_answers_only_to_its_own_events()
    {
        await using var engine = await ProcessEngine.StartAsync();
        var referral = new ReferralCase(engine);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        await referral.Applied();
        await referral.RouteDecided(Route.Jobbtorg, Route.DistrictIntervention, Route.OtherRoute);
        Names(await referral.Commands()).Should().BeEquivalentTo(["IssueJobbtorgReferral", "OpenInterventionReferral"], await engine.IncidentsAsync(referral.ReferralId));
        await referral.InterventionOpened(first);
        await referral.InterventionStarted(first);
        await referral.JobbtorgInterventionStarted(Guid.NewGuid());
        await referral.RouteDecided(Route.DistrictIntervention);
        await referral.InterventionOpened(second);
        await referral.InterventionStarted(second);
        (await engine.InstancesAsync(referral.ReferralId)).Count(i => i.DefinitionId == "district-intervention" && i.SubStatus == "Suspended")
            .Should().Be(2, "two district interventions run at once");

        await referral.InterventionClosed(first, ClosureOutcome.Other);

        var commands = await referral.Commands();
        Names(commands).Skip(2).Should().Equal(["ScheduleFollowUps", "OpenInterventionReferral", "ScheduleFollowUps", "StopFollowUps"]);
        commands[2]["interventionReferralId"].Should().Be(first.ToString());
        commands[4]["interventionReferralId"].Should().Be(second.ToString());
        commands[5]["interventionReferralId"].Should().Be(first.ToString(), "only the closed intervention stops its follow-ups");
        commands.Single(c => c.Name == "IssueJobbtorgReferral")["unit"].Should().Be("Jobbtorg");
        var districts = (await engine.InstancesAsync(referral.ReferralId)).Where(i => i.DefinitionId == "district-intervention").ToList();
        districts.Select(d => d.SubStatus).Should().Equal(["Finished", "Suspended"]);
        (await referral.MainStatus()).Should().Be("Suspended", "Other does not end the case");
        (await engine.IncidentsAsync(referral.ReferralId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Re_referrals_loop_any_number_of_times_and_a_route_decision_ahead_of_its_re_referral_is_still_acted_on()
    {
        await using var engine = await ProcessEngine.StartAsync();
        var referral = new ReferralCase(engine);
        var firstReReferral = Guid.NewGuid();
        var secondReReferral = Guid.NewGuid();

        await referral.Applied();
        await referral.RouteDecided(Route.Jobbtorg);
        await referral.ReReferred(firstReReferral);
        await referral.RouteDecided(Route.OtherRoute);
        await referral.RouteDecided(Route.Jobbtorg);
        // Second loop in the other order: the route decision is handled before the re-referral reaches the process.
        await referral.RouteDecided(Route.DistrictIntervention);
        await referral.ReReferred(secondReReferral);

        var commands = await referral.Commands();
        Names(commands).Should().Equal(["IssueJobbtorgReferral", "ReceiveReReferral", "IssueJobbtorgReferral", "OpenInterventionReferral", "ReceiveReReferral"],
            await engine.IncidentsAsync(referral.ReferralId));
        commands[1]["reReferralId"].Should().Be(firstReReferral.ToString());
        commands[1]["district"].Should().Be(ReferralCase.District);
        commands[4]["reReferralId"].Should().Be(secondReReferral.ToString());
        (await referral.MainStatus()).Should().Be("Suspended");

        await referral.RouteDecided(Route.Jobbtorg);
        Names(await referral.Commands()).Should().HaveCount(6).And.EndWith("IssueJobbtorgReferral", "after the second re-referral a Jobbtorg route refers again");
    }

    [Fact]
    public async Task A_restarted_Jobbtorg_intervention_gets_a_closer_first_follow_up_and_the_case_closure_stops_it()
    {
        await using var engine = await ProcessEngine.StartAsync();
        var referral = new ReferralCase(engine);
        var (firstStart, restart) = (Guid.NewGuid(), Guid.NewGuid());

        await referral.Applied();
        await referral.ResponsibleAssigned("ssek-bo");
        await referral.Screened(inTargetGroup: true);
        await referral.JobbtorgInterventionStarted(firstStart);
        await referral.JobbtorgInterventionEnded(firstStart);
        await referral.JobbtorgInterventionStarted(restart);
        await referral.CaseClosed(ClosureOutcome.FkCompensation);

        var commands = await referral.Commands();
        Names(commands).Should().Equal(["IssueJobbtorgReferral", "ScheduleFollowUps", "CloseInterventionReferral", "CloseJobbtorgReferral", "StopFollowUps"],
            await engine.IncidentsAsync(referral.ReferralId));
        commands[1]["interventionReferralId"].Should().Be(restart.ToString());
        commands[1]["firstAfter"].Should().Be("P2W");
        commands[1]["interval"].Should().Be("P3M");
        commands[1]["responsibleSocialSecretary"].Should().Be("ssek-bo");
        commands[4]["interventionReferralId"].Should().Be(restart.ToString());
        (await referral.MainStatus()).Should().Be("Finished");
    }

    [Fact]
    public async Task A_restart_that_ends_stops_its_follow_ups_and_the_next_restart_schedules_again()
    {
        await using var engine = await ProcessEngine.StartAsync();
        var referral = new ReferralCase(engine);
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await referral.Applied();
        await referral.JobbtorgInterventionStarted(first);
        await referral.JobbtorgInterventionEnded(first, completed: true);
        await referral.JobbtorgInterventionStarted(second);
        await referral.JobbtorgInterventionEnded(second);
        await referral.JobbtorgInterventionStarted(third);

        var commands = await referral.Commands();
        Names(commands).Should().Equal(["ScheduleFollowUps", "StopFollowUps", "ScheduleFollowUps"]);
        commands.Select(c => c["interventionReferralId"]).Should().Equal([second.ToString(), second.ToString(), third.ToString()]);
    }

    public static TheoryData<string, ClosureOutcome> Stages => new()
    {
        { "before any route", ClosureOutcome.MovedOrChangedDistrict },
        { "during a district intervention", ClosureOutcome.LostContact },
        { "during the Resurs overlap", ClosureOutcome.Work },
        { "reported by the intervention", ClosureOutcome.Studies },
        { "reported by Jobbtorg", ClosureOutcome.UnemploymentFund },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task Closure_at_any_stage_closes_every_open_part_once_and_ends_every_instance(string stage, ClosureOutcome outcome)
    {
        await using var engine = await ProcessEngine.StartAsync();
        var referral = new ReferralCase(engine);
        var intervention = Guid.NewGuid();
        await referral.Applied();
        var expected = new List<string>();
        if (stage != "before any route")
        {
            await referral.RouteDecided(Route.DistrictIntervention);
            await referral.InterventionOpened(intervention);
            await referral.InterventionStarted(intervention);
            expected.AddRange(["OpenInterventionReferral", "ScheduleFollowUps"]);
        }

        if (stage == "during the Resurs overlap")
        {
            await referral.TransferDecided(intervention);
            await referral.ResursIntake(DateOnly.FromDateTime(engine.Clock.GetUtcNow().UtcDateTime.AddDays(30)));
            expected.Add("IssueJobbtorgReferral");
        }

        if (stage == "reported by the intervention")
        {
            await referral.InterventionClosed(intervention, outcome);
            expected.AddRange(["CloseCase", "StopFollowUps"]);
        }
        else if (stage == "reported by Jobbtorg")
        {
            await referral.JobbtorgReferralClosed(outcome);
            expected.Add("CloseCase");
        }

        // Financial aid closes the case (on its own or on CloseCase) and publishes CaseClosed.
        await referral.CaseClosed(outcome);
        if (stage is "during a district intervention" or "during the Resurs overlap" or "reported by Jobbtorg")
        {
            expected.AddRange(["StopFollowUps", "CloseInterventionReferral", "CloseJobbtorgReferral"]);
        }
        else
        {
            expected.AddRange(["CloseInterventionReferral", "CloseJobbtorgReferral"]);
        }

        // What the services answer after closing, and anything later, changes nothing.
        await referral.InterventionClosed(intervention, outcome);
        await referral.JobbtorgReferralClosed(outcome);
        await referral.RouteDecided(Route.Jobbtorg);
        await engine.AdvanceAsync(TimeSpan.FromDays(60));

        var commands = await referral.Commands();
        Names(commands).Should().BeEquivalentTo(expected, $"{stage}: {string.Join("\n", commands)}\n{await engine.IncidentsAsync(referral.ReferralId)}");
        commands.Where(c => c.Name is "CloseCase" or "CloseInterventionReferral" or "CloseJobbtorgReferral")
            .Should().OnlyContain(c => c["outcome"] == outcome.ToString());
        commands.Should().NotContain(c => c.Name == "CloseInterventionReferral" && c["outcome"] == "ToJobbtorg", "the overlap never ended in a transfer");
        (await engine.InstancesAsync(referral.ReferralId)).Should().OnlyContain(i => i.SubStatus == "Finished");
        (await engine.IncidentsAsync(referral.ReferralId)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_outcome_outside_the_process_owners_case_ending_list_closes_nothing()
    {
        await using var engine = await ProcessEngine.StartAsync(EditVariable("referral-process", "CaseEndingOutcomes", "Work"));
        var referral = new ReferralCase(engine);

        await referral.Applied();
        await referral.JobbtorgReferralClosed(ClosureOutcome.Studies);
        await referral.JobbtorgReferralClosed(ClosureOutcome.Work);

        var commands = await referral.Commands();
        Names(commands).Should().Equal(["CloseCase"], "the process owner's list holds only Work");
        commands[0]["outcome"].Should().Be("Work");
    }

    [Fact]
    public async Task A_new_version_with_another_follow_up_interval_applies_to_new_interventions_while_running_ones_keep_theirs()
    {
        await using var engine = await ProcessEngine.StartAsync();
        var referral = new ReferralCase(engine);
        var (running, later) = (Guid.NewGuid(), Guid.NewGuid());
        await referral.Applied();
        await referral.RouteDecided(Route.DistrictIntervention);
        await referral.InterventionOpened(running);

        await engine.PublishNewVersionAsync("district-intervention", model => SetVariable(model, "FollowUpInterval", "P2M"));
        await referral.InterventionStarted(running);
        await referral.RouteDecided(Route.DistrictIntervention);
        await referral.InterventionOpened(later);
        await referral.InterventionStarted(later);

        var schedules = (await referral.Commands()).Where(c => c.Name == "ScheduleFollowUps").ToList();
        schedules.Select(s => (s["interventionReferralId"], s["interval"])).Should().Equal([(running.ToString(), "P3M"), (later.ToString(), "P2M")]);
    }

    private static IEnumerable<string> Names(IEnumerable<SentCommand> commands) => commands.Select(c => c.Name);

    private static Func<string, JsonObject, JsonObject> EditVariable(string definitionId, string name, string value) =>
        (id, model) => id == definitionId ? SetVariable(model, name, value) : model;

    private static JsonObject SetVariable(JsonObject model, string name, string value)
    {
        model["variables"]!.AsArray().Single(v => v!["name"]!.ToString() == name)!["value"] = value;
        return model;
    }
}
