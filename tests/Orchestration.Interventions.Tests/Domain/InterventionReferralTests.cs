using Orchestration.Interventions.Domain;

namespace Orchestration.Interventions.Tests.Domain;

/// <summary>The start rule of an intervention referral, on the aggregate alone: no host, no database.</summary>
public sealed class InterventionReferralTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Start_needs_the_assignment_and_both_plans_and_names_the_missing_ones()
    {
        var referral = Chosen();
        referral.Assignment = new Assignment("Syfte", [new AssignmentGoal("Mål", [])], ["Uppgift"], "Resultat", "Egen syn", Now, "wc");

        var refused = referral.RefuseStart();

        refused.Should().NotBeNull();
        refused!.AlreadyDone.Should().BeFalse();
        refused.Reason.Should().Be("Before the start, write the work plan (PUT .../work-plan), the implementation plan (PUT .../implementation-plan).");
        referral.Invoking(r => r.Start(new DateOnly(2026, 12, 1), null, Now, "wc")).Should().Throw<InvalidOperationException>();
        referral.State.Should().Be(ReferralState.InterventionChosen);
        referral.StartedAt.Should().BeNull();
    }

    [Fact]
    public void Start_with_the_assignment_and_both_plans_starts_once()
    {
        var referral = Ready();

        referral.RefuseStart().Should().BeNull();
        referral.Start(new DateOnly(2026, 11, 30), "BB-12", Now, "wc");

        referral.State.Should().Be(ReferralState.Started);
        referral.StartedOn.Should().Be(new DateOnly(2026, 11, 30));
        referral.StartedAt.Should().Be(Now);
        referral.StartedBy.Should().Be("wc");
        referral.AidDecisionReference.Should().Be("BB-12");
        referral.RefuseStart().Should().Be(new Orchestration.ServiceDefaults.Cases.StepRefusal(true, "The intervention started on 2026-11-30."));
    }

    [Theory]
    [InlineData(ReferralState.Opened, "Choose the intervention first.")]
    [InlineData(ReferralState.Closed, "is closed")]
    public void Start_before_the_choice_or_after_the_close_is_out_of_order(ReferralState state, string reason)
    {
        var referral = Ready();
        referral.State = state;

        var refused = referral.RefuseStart();

        refused!.AlreadyDone.Should().BeFalse();
        refused.Reason.Should().Contain(reason);
    }

    private static InterventionReferral Chosen() => new()
    {
        Id = Guid.NewGuid(),
        ReferralId = Guid.NewGuid(),
        PersonId = Guid.NewGuid(),
        District = "spanga-tensta",
        State = ReferralState.InterventionChosen,
        OpenedAt = Now,
        InterventionId = Guid.NewGuid(),
    };

    private static InterventionReferral Ready()
    {
        var referral = Chosen();
        referral.Assignment = new Assignment("Syfte", [new AssignmentGoal("Mål", [])], ["Uppgift"], "Resultat", "Egen syn", Now, "wc");
        referral.WorkPlan = new WorkPlan("Plan", 20, Now, "wc");
        referral.ImplementationPlan = new ImplementationPlan("Genomförande", null, null, Now, "wc");
        return referral;
    }
}
