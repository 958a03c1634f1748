using Orchestration.Contracts.Jobbtorg.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Domain;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.Jobbtorg.Tests.Domain;

/// <summary>The rules of a Jobbtorg referral, on the aggregate alone: no host, no database.</summary>
public sealed class JobbtorgReferralTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_FIA_job_part_waits_for_the_intake_unless_the_social_secretary_asked_for_it()
    {
        var referral = Received();

        referral.CompleteFiaJobPart(Fia(referral))!.Reason.Should().Contain("before the FIA education/job part");
        referral.FiaJobPart.Should().BeNull();

        referral.RequestFiaJobPart(Now).Should().BeTrue();
        referral.RequestFiaJobPart(Now.AddDays(1)).Should().BeFalse("the first request counts");
        referral.CompleteFiaJobPart(Fia(referral)).Should().BeNull();

        referral.TakeAnnouncements().Should().Equal(new FiaJobPartCompleted(referral.ReferralId, referral.Id, Now));
        referral.FiaRequestedAt.Should().Be(Now);
        referral.CompleteFiaJobPart(Fia(referral))!.AlreadyDone.Should().BeTrue();
    }

    [Fact]
    public void A_record_opened_for_the_FIA_part_alone_takes_it_at_once_and_becomes_the_referral_when_the_district_refers()
    {
        var referral = JobbtorgReferral.OpenForFia(Guid.NewGuid(), Guid.NewGuid(), "farsta", Now, Now);

        referral.Should().BeEquivalentTo(new { FiaOnly = true, FiaRequestedAt = (DateTimeOffset?)Now, Unit = JobbtorgUnit.Jobbtorg, Status = ReferralStatus.Received });
        referral.TakeAnnouncements().Should().BeEmpty("it is no referral to Jobbtorg's services yet");
        referral.CompleteFiaJobPart(Fia(referral)).Should().BeNull();
        referral.TakeAnnouncements();

        referral.ReferAgain(Now.AddDays(3), Now.AddDays(3)).Should().BeTrue();

        referral.FiaOnly.Should().BeFalse();
        referral.TakeAnnouncements().Should().Equal(new JobbtorgReferralReceived(referral.ReferralId, referral.Id, "farsta", JobbtorgUnit.Jobbtorg, Now.AddDays(3)));
        referral.ReferAgain(Now, Now).Should().BeFalse("a full referral stays as it is");
        referral.TakeAnnouncements().Should().BeEmpty();
    }

    [Fact]
    public void The_coach_closes_only_once_the_running_interventions_ended_and_booked_ones_lapse()
    {
        var referral = TakenIn();
        var running = Book(referral);
        var booked = Book(referral);
        referral.StartIntervention(running.Id, Now).Should().BeNull();
        referral.TakeAnnouncements();

        referral.Close(ClosureOutcome.Work, null, Now, "coach")!.Reason.Should().Contain("End the running Jobbtorg interventions");
        referral.Status.Should().Be(ReferralStatus.TakenIn);

        referral.EndIntervention(running.Id, completed: true, Now).Should().BeNull();
        referral.Close(ClosureOutcome.Work, "Fick jobb", Now, "coach").Should().BeNull();

        referral.Should().BeEquivalentTo(new { Status = ReferralStatus.Closed, Outcome = (ClosureOutcome?)ClosureOutcome.Work, ClosedBy = "coach", ClosingNote = "Fick jobb", IsClosed = true });
        booked.State.Should().Be(InterventionState.Cancelled);
        referral.TakeAnnouncements().Should().Equal(
            new JobbtorgInterventionEnded(referral.ReferralId, running.Id, true, Now),
            new JobbtorgReferralClosed(referral.ReferralId, referral.Id, ClosureOutcome.Work, Now));
    }

    [Fact]
    public void When_the_case_closes_a_running_intervention_is_broken_off_and_the_referral_closes_with_the_cases_outcome()
    {
        var referral = TakenIn();
        var running = Book(referral);
        referral.StartIntervention(running.Id, Now);
        referral.TakeAnnouncements();

        referral.CloseWithCase(ClosureOutcome.MovedOrChangedDistrict, Now, "message:CloseJobbtorgReferral").Should().BeNull();

        running.Should().BeEquivalentTo(new { State = InterventionState.Ended, Completed = (bool?)false });
        referral.TakeAnnouncements().Should().Equal(
            new JobbtorgInterventionEnded(referral.ReferralId, running.Id, false, Now),
            new JobbtorgReferralClosed(referral.ReferralId, referral.Id, ClosureOutcome.MovedOrChangedDistrict, Now));
        referral.CloseWithCase(ClosureOutcome.Other, Now, "message:CloseJobbtorgReferral").Should().NotBeNull("a closed referral stays closed");
        referral.Outcome.Should().Be(ClosureOutcome.MovedOrChangedDistrict);
    }

    [Fact]
    public void A_closed_or_re_referred_referral_refuses_every_change_and_announces_nothing()
    {
        var closed = TakenIn();
        closed.Close(ClosureOutcome.LostContact, null, Now, "coach");
        var reReferred = TakenIn();
        reReferred.ReReferToDistrict(new ReReferral
        {
            Id = Guid.NewGuid(),
            ReferralId = reReferred.ReferralId,
            District = "farsta",
            ReasonCode = "Motivation",
            ReReferredAt = Now,
            ReReferredBy = "coach",
        }).Should().BeNull();

        foreach (var referral in new[] { closed, reReferred })
        {
            referral.TakeAnnouncements();
            StepRefusal?[] refusals =
            [
                referral.CompleteFiaJobPart(Fia(referral)),
                referral.BookIntervention(new JobbtorgIntervention { Id = Guid.NewGuid(), Kind = "WorkTraining", BookedBy = "coach" }),
                referral.Close(ClosureOutcome.Work, null, Now, "coach"),
                referral.CloseWithCase(ClosureOutcome.Work, Now, "message:CloseJobbtorgReferral"),
            ];
            refusals.Should().OnlyContain(r => r != null && !r.AlreadyDone && r.Reason.Contains("takes no more changes"));
            referral.RequestFiaJobPart(Now).Should().BeFalse();
            referral.ReferAgain(Now, Now).Should().BeFalse();
            referral.TakeAnnouncements().Should().BeEmpty();
            referral.Interventions.Should().BeEmpty();
        }
    }

    [Fact]
    public void A_Resurs_intake_needs_a_referral_to_Jobbtorg_Resurs_and_is_recorded_once()
    {
        var jobbtorg = Received();
        var resurs = JobbtorgReferral.Receive(Guid.NewGuid(), Guid.NewGuid(), "farsta", JobbtorgUnit.JobbtorgResurs, Now, Now);
        var intake = new ResursIntake { PlannedTransferOn = new DateOnly(2026, 12, 20), CompletedAt = Now, CompletedBy = "coach" };

        jobbtorg.RecordResursIntake(intake)!.Reason.Should().Contain("not to Jobbtorg Resurs");
        resurs.RecordResursIntake(intake).Should().BeNull();
        resurs.RecordResursIntake(intake)!.AlreadyDone.Should().BeTrue();

        resurs.Status.Should().Be(ReferralStatus.TakenIn);
        resurs.TakeAnnouncements().Should().EndWith(new ResursIntakeCompleted(resurs.ReferralId, resurs.Id, new DateOnly(2026, 12, 20), Now));
    }

    private static JobbtorgReferral Received()
    {
        var referral = JobbtorgReferral.Receive(Guid.NewGuid(), Guid.NewGuid(), "farsta", JobbtorgUnit.Jobbtorg, Now, Now);
        referral.TakeAnnouncements().Should().Equal(new JobbtorgReferralReceived(referral.ReferralId, referral.Id, "farsta", JobbtorgUnit.Jobbtorg, Now));
        return referral;
    }

    private static JobbtorgReferral TakenIn()
    {
        var referral = Received();
        referral.RecordIntake(new InitialMappingPart2 { JobbtorgReferralId = referral.Id, CompletedAt = Now, CompletedBy = "coach" }).Should().BeNull();
        referral.TakeAnnouncements();
        return referral;
    }

    private static JobbtorgIntervention Book(JobbtorgReferral referral)
    {
        var intervention = new JobbtorgIntervention { Id = Guid.NewGuid(), JobbtorgReferralId = referral.Id, Kind = "WorkTraining", BookedAt = Now, BookedBy = "coach" };
        referral.BookIntervention(intervention).Should().BeNull();
        return intervention;
    }

    private static FiaJobPart Fia(JobbtorgReferral referral) =>
        new() { JobbtorgReferralId = referral.Id, Goal = WorkGoal.Work, CompletedAt = Now, CompletedBy = "coach" };
}
