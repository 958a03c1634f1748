using Orchestration.Contracts.Referrals;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Tests.Domain;

/// <summary>The financial-aid case's rules, on the aggregate alone: no host, no database.</summary>
public sealed class AidApplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public void The_registering_social_secretary_is_responsible_until_someone_else_is_assigned()
    {
        var application = AidApplication.Register(Guid.NewGuid(), "farsta", "anna", Now);

        application.ResponsibleSocialSecretary.Should().Be("anna");
        application.RefuseAssignment("anna")!.Reason.Should().Contain("already responsible");
        application.AssignResponsible("bo", Now.AddDays(1));
        application.ResponsibleSocialSecretary.Should().Be("bo");
        application.ResponsibleSince.Should().Be(Now.AddDays(1));
    }

    [Fact]
    public void Instruments_are_recorded_once_each_and_after_the_one_they_follow()
    {
        var application = AidApplication.Register(Guid.NewGuid(), "farsta", "anna", Now);

        application.RefuseInstrument(Instrument.TargetGroupScreening, Instrument.MappingPart1)!.Reason.Should().Contain("after MappingPart1");
        application.RecordInstrument(Instrument.MappingPart1, null, "{}", "anna", Now);
        application.RefuseInstrument(Instrument.MappingPart1, null).Should().BeEquivalentTo(new { AlreadyDone = true });
        application.RefuseInstrument(Instrument.TargetGroupScreening, Instrument.MappingPart1).Should().BeNull();
        application.RefuseSupportObstacle()!.Reason.Should().Contain("mapping part 3");
        var act = () => application.RecordSupportObstacle(SupportObstacleCategory.Other, null, "anna", Now);
        act.Should().Throw<InvalidOperationException>().WithMessage("*mapping part 3*");
    }

    [Fact]
    public void A_referral_to_finsam_needs_a_valid_unwithdrawn_finsam_consent()
    {
        var application = ReadyForRouteDecision();
        Route[] other = [Route.OtherRoute];

        application.RefuseRouteDecision(other, [OtherRoutes.Finsam], Today)!.Reason.Should().Contain("FINSAM").And.Contain("no ReferToFinsam consent");
        application.RefuseRouteDecision(other, ["SocialPsychiatry"], Today).Should().BeNull("only FINSAM needs the consent");
        application.RecordConsent(ConsentScope.ShareWithJobbtorg, ConsentMethod.Oral, Today, null, "anna", Now);
        application.RefuseRouteDecision(other, [OtherRoutes.Finsam], Today).Should().NotBeNull("a consent to share with Jobbtorg is another scope");

        var consent = application.RecordConsent(ConsentScope.ReferToFinsam, ConsentMethod.Oral, Today, Today.AddDays(30), "anna", Now);
        application.RefuseRouteDecision(other, [OtherRoutes.Finsam], Today).Should().BeNull();
        application.RefuseRouteDecision(other, [OtherRoutes.Finsam], Today.AddDays(31))!.Reason.Should().Contain("not valid on");
        consent.Withdraw("anna", Now.AddHours(1)).Should().BeNull();
        consent.Withdraw("anna", Now.AddHours(2))!.AlreadyDone.Should().BeTrue();
        application.RefuseRouteDecision(other, [OtherRoutes.Finsam], Today)!.Reason.Should().Contain("withdrawn");
    }

    [Fact]
    public void A_route_decision_answers_the_waiting_re_referrals_and_records_the_individuals_view()
    {
        var application = ReadyForRouteDecision();
        var reReferral = Guid.NewGuid();
        application.ReceiveReReferral(reReferral, Now, Now).Should().BeTrue();
        application.ReceiveReReferral(reReferral, Now, Now).Should().BeFalse("the same re-referral lands once");

        var decision = application.DecideRoute([Route.DistrictIntervention, Route.OtherRoute], ["CareContact"], "Behöver vårdkontakt", "Vill ha stöd", "anna", Now);

        application.ReReferrals.Single().AnsweredByRouteDecisionId.Should().Be(decision.Id);
        decision.OtherRoutes.Should().Equal("CareContact");
        decision.IndividualsView.Should().Be("Vill ha stöd");
        AidApplication.RouteWarnings(decision).Should().ContainSingle().Which.Should().Contain("No FIA");
    }

    [Fact]
    public void A_closed_case_refuses_every_further_step_and_keeps_its_first_closure()
    {
        var application = ReadyForRouteDecision();
        application.Close(ClosureOutcome.Work, "Fått anställning", "anna", Now);

        application.RefuseClosure()!.AlreadyDone.Should().BeTrue();
        application.CloseAsReported(ClosureOutcome.LostContact, "Jobbtorg", Now.AddDays(1)).Should().BeFalse();
        application.Outcome.Should().Be(ClosureOutcome.Work);
        application.ClosedBy.Should().Be("anna");
        StepRefusalReasons(application).Should().OnlyContain(r => r != null && r.Contains("closed on 2026-11-20 with the outcome Work"));
        application.ReceiveReReferral(Guid.NewGuid(), Now, Now).Should().BeFalse("a closed case has no route to decide");
        var act = () => application.MakeAidDecision(Today, Today.AddDays(10), "anna", Now);
        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_closure_reported_by_another_service_closes_an_open_case_once()
    {
        var application = AidApplication.Register(Guid.NewGuid(), "farsta", "anna", Now);

        application.CloseAsReported(ClosureOutcome.MovedOrChangedDistrict, "Jobbtorg", Now).Should().BeTrue();
        application.CloseAsReported(ClosureOutcome.Work, "Interventions", Now.AddDays(1)).Should().BeFalse();

        application.Outcome.Should().Be(ClosureOutcome.MovedOrChangedDistrict);
        application.ClosedBy.Should().Be("Jobbtorg");
        application.ClosingNote.Should().BeNull();
    }

    private static AidApplication ReadyForRouteDecision()
    {
        var application = AidApplication.Register(Guid.NewGuid(), "farsta", "anna", Now);
        application.RecordInstrument(Instrument.MappingPart1, null, "{}", "anna", Now);
        application.RecordInstrument(Instrument.TargetGroupScreening, Instrument.MappingPart1, "{}", "anna", Now);
        application.RecordInstrument(Instrument.MappingPart3, Instrument.MappingPart1, "{}", "anna", Now);
        application.RecordSupportObstacle(SupportObstacleCategory.SocialMedical, null, "anna", Now);
        return application;
    }

    private static IEnumerable<string?> StepRefusalReasons(AidApplication application) =>
    [
        application.RefuseChange()?.Reason,
        application.RefuseInstrument(Instrument.FiaSocialPart, Instrument.MappingPart3)?.Reason,
        application.RefuseSupportObstacle()?.Reason,
        application.RefuseRouteDecision([Route.Jobbtorg], [], Today)?.Reason,
        application.RefuseAssignment("bo")?.Reason,
    ];
}
