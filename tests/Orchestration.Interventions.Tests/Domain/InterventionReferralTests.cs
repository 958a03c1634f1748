using Orchestration.Contracts.Interventions.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.Interventions.Domain;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.Interventions.Tests.Domain;

/// <summary>The rules of an intervention referral, on the aggregate alone: no host, no database.</summary>
public sealed class InterventionReferralTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void Start_needs_the_assignment_and_both_plans_and_names_the_missing_ones()
    {
        var referral = Chosen();
        referral.WriteAssignment(new Assignment("Syfte", [new AssignmentGoal("Mål", [])], ["Uppgift"], "Resultat", "Egen syn", Now, "wc"));
        referral.TakeAnnouncements();

        var refused = referral.Start(Today, null, Now, "wc");

        refused.Should().Be(StepRefusal.OutOfOrder("Before the start, write the work plan (PUT .../work-plan), the implementation plan (PUT .../implementation-plan)."));
        referral.State.Should().Be(ReferralState.InterventionChosen);
        referral.StartedAt.Should().BeNull();
        referral.TakeAnnouncements().Should().BeEmpty();
    }

    [Fact]
    public void Start_with_the_assignment_and_both_plans_starts_once_and_announces_it()
    {
        var referral = Ready();

        referral.Start(new DateOnly(2026, 11, 30), "BB-12", Now, "wc").Should().BeNull();

        referral.Should().BeEquivalentTo(new { State = ReferralState.Started, StartedOn = new DateOnly(2026, 11, 30), StartedAt = Now, StartedBy = "wc", AidDecisionReference = "BB-12" });
        referral.TakeAnnouncements().Should().Equal(new InterventionStarted(referral.ReferralId, referral.Id, referral.InterventionId!.Value, "spanga-tensta", Now));
        referral.Start(Today, null, Now, "wc").Should().Be(StepRefusal.Done("The intervention started on 2026-11-30."));
    }

    [Fact]
    public void Nothing_but_a_closure_is_recorded_before_the_choice()
    {
        var referral = InterventionReferral.Open(Guid.NewGuid(), Guid.NewGuid(), "spanga-tensta", Now);

        referral.Start(Today, null, Now, "wc").Should().Be(StepRefusal.OutOfOrder("Choose the intervention first."));
        referral.WriteWorkPlan(new WorkPlan("Plan", 20, Now, "wc"))!.Reason.Should().Be("Choose the intervention first: the plans are for a place in it.");
        referral.RecordFollowUp(FollowUp(ready: false))!.Reason.Should().Be("A follow-up is recorded only after the intervention has started.");
        referral.WorkPlan.Should().BeNull();
        referral.FollowUps.Should().BeEmpty();
    }

    [Fact]
    public void A_transfer_needs_the_social_secretarys_judgment_at_the_latest_follow_up()
    {
        var referral = Started();
        referral.RecordFollowUp(FollowUp(ready: true, heldOn: Today.AddDays(-10)));
        referral.RecordFollowUp(FollowUp(ready: false, heldOn: Today));

        var refused = referral.DecideTransferToResurs(Today, null, Now, "ss");

        refused!.AlreadyDone.Should().BeFalse();
        refused.Reason.Should().Contain("latest follow-up does not hold the social secretary's judgment");
        referral.State.Should().Be(ReferralState.Started);
        referral.TransferDecidedAt.Should().BeNull();
    }

    [Fact]
    public void A_decided_transfer_keeps_the_intervention_open_for_the_overlap_and_the_closure_records_the_transfer()
    {
        var referral = Started();
        referral.RecordFollowUp(FollowUp(ready: true, heldOn: Today));
        referral.TakeAnnouncements();

        referral.DecideTransferToResurs(Today, "Redo", Now, "ss").Should().BeNull();

        referral.State.Should().Be(ReferralState.AwaitingTransfer);
        referral.HoldsPlace.Should().BeTrue("the person stays in the intervention until the Resurs intake");
        referral.TakeAnnouncements().Should().Equal(new TransferToResursDecided(referral.ReferralId, referral.Id, "spanga-tensta", Now));
        referral.DecideTransferToResurs(Today, null, Now, "ss")!.AlreadyDone.Should().BeTrue();
        referral.RecordFollowUp(FollowUp(ready: true, heldOn: Today)).Should().BeNull("follow-ups go on during the overlap");

        referral.Close(ClosureOutcome.ToJobbtorg, Today, null, Now, "message:CloseInterventionReferral").Should().BeNull();

        referral.Should().BeEquivalentTo(new { State = ReferralState.Closed, Outcome = ClosureOutcome.ToJobbtorg, TransferredToJobbtorgResurs = true, HoldsPlace = false });
        referral.TakeAnnouncements().OfType<InterventionClosed>().Should().Equal(
            new InterventionClosed(referral.ReferralId, referral.Id, ClosureOutcome.ToJobbtorg, Now));
    }

    [Fact]
    public void A_closed_referral_refuses_every_change_and_stays_closed_with_its_outcome()
    {
        var referral = Started();
        referral.Close(ClosureOutcome.Work, Today, "Bageri", Now, "ss").Should().BeNull();
        referral.TakeAnnouncements();
        var closedReason = $"The intervention referral {referral.Id} is closed; nothing more is recorded on it.";

        referral.Close(ClosureOutcome.Other, Today, null, Now, "ss").Should().Be(StepRefusal.OutOfOrder(closedReason));
        referral.RecordFollowUp(FollowUp(ready: true, heldOn: Today)).Should().Be(StepRefusal.OutOfOrder(closedReason));
        referral.DecideTransferToResurs(Today, null, Now, "ss").Should().Be(StepRefusal.OutOfOrder(closedReason));
        referral.RecordAidDecision("BB-1").Should().Be(StepRefusal.OutOfOrder(closedReason));
        referral.WriteAssignment(Assignment()).Should().Be(StepRefusal.OutOfOrder(closedReason));

        referral.Should().BeEquivalentTo(new { Outcome = ClosureOutcome.Work, ClosingNote = "Bageri", TransferredToJobbtorgResurs = false, AidDecisionReference = (string?)null });
        referral.FollowUps.Should().BeEmpty();
        referral.TakeAnnouncements().Should().BeEmpty();
    }

    [Fact]
    public void A_place_is_chosen_before_the_start_only_and_not_twice()
    {
        var place = Place("farsta");
        var referral = InterventionReferral.Open(Guid.NewGuid(), Guid.NewGuid(), "spanga-tensta", Now);

        referral.Choose(place, Now, "wc").Should().BeNull();

        referral.Should().BeEquivalentTo(new { State = ReferralState.InterventionChosen, InterventionId = (Guid?)place.Id, PlaceBought = true, PricePerPlace = 30_000m });
        referral.TakeAnnouncements().Should().Equal(new InterventionChosen(referral.ReferralId, referral.Id, place.Id, "farsta", 30_000m, Now));
        referral.Choose(place, Now, "wc")!.AlreadyDone.Should().BeTrue();
        Started().Choose(place, Now, "wc")!.Reason.Should().Contain("chosen before the start");
    }

    private static CatalogueIntervention Place(string district) => new()
    {
        Id = Guid.NewGuid(),
        Name = "Verkstan",
        ProviderDistrict = district,
        TargetGroup = "Unga vuxna",
        Places = 5,
        PricePerPlace = 30_000m,
        OpenToOtherDistricts = true,
    };

    private static InterventionReferral Chosen()
    {
        var referral = InterventionReferral.Open(Guid.NewGuid(), Guid.NewGuid(), "spanga-tensta", Now);
        referral.Choose(Place("spanga-tensta"), Now, "wc").Should().BeNull();
        return referral;
    }

    private static Assignment Assignment() => new("Syfte", [new AssignmentGoal("Mål", [])], ["Uppgift"], "Resultat", "Egen syn", Now, "wc");

    private static InterventionReferral Ready()
    {
        var referral = Chosen();
        referral.WriteAssignment(Assignment());
        referral.WriteWorkPlan(new WorkPlan("Plan", 20, Now, "wc"));
        referral.WriteImplementationPlan(new ImplementationPlan("Genomförande", null, null, Now, "wc"));
        referral.TakeAnnouncements();
        return referral;
    }

    private static InterventionReferral Started()
    {
        var referral = Ready();
        referral.Start(Today.AddMonths(-3), null, Now, "wc").Should().BeNull();
        referral.TakeAnnouncements();
        return referral;
    }

    private static FollowUp FollowUp(bool ready, DateOnly? heldOn = null) => new()
    {
        Id = Guid.NewGuid(),
        HeldOn = heldOn ?? Today,
        WorkAbility = new WorkAbility(new(WorkAbilityLevel.Good, null), new(WorkAbilityLevel.Good, null), new(WorkAbilityLevel.Good, null)),
        IndividualView = "Vill vidare",
        ReadyForJobbtorgResurs = ready,
        RecordedAt = Now.AddMinutes(heldOn?.DayNumber ?? 0),
        RecordedBy = "ss",
    };
}
