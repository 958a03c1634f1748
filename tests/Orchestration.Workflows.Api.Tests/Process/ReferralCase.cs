using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.Contracts.Jobbtorg.Events;
using Orchestration.Contracts.Referrals;

namespace Orchestration.Workflows.Api.Tests.Process;

/// <summary>One referral's events, as the services publish them, with the ids they carry; each goes to the engine at once.</summary>
internal sealed class ReferralCase(ProcessEngine engine)
{
    public const string District = "spanga-tensta";

    public Guid ReferralId { get; } = Guid.NewGuid();

    public Guid PersonId { get; } = Guid.NewGuid();

    private DateTimeOffset Now => engine.Clock.GetUtcNow();

    public Task Applied() => engine.PublishAsync(new ApplicationRegistered(ReferralId, PersonId, District, Now));

    public Task ResponsibleAssigned(string account) => engine.PublishAsync(new ResponsibleSocialSecretaryAssigned(ReferralId, District, account, Now));

    public Task Part1() => engine.PublishAsync(new InitialMappingPart1Completed(ReferralId, District, Now));

    public Task Screened(bool inTargetGroup) => engine.PublishAsync(new TargetGroupScreened(ReferralId, District, inTargetGroup, Now));

    public Task Part2() => engine.PublishAsync(new JobbtorgIntakeCompleted(ReferralId, Guid.NewGuid(), Now));

    public Task Part3() => engine.PublishAsync(new InitialMappingPart3Completed(ReferralId, District, Now));

    public Task ObstacleRecorded() => engine.PublishAsync(new SupportObstacleRecorded(ReferralId, District, Now));

    public Task FiaSocialPart() => engine.PublishAsync(new FiaSocialPartCompleted(ReferralId, District, Now));

    public Task FiaJobPart() => engine.PublishAsync(new FiaJobPartCompleted(ReferralId, Guid.NewGuid(), Now));

    public Task FiaJobPartRequested() => engine.PublishAsync(new FiaJobPartRequested(ReferralId, PersonId, District, Now));

    public Task RouteDecided(params Route[] routes) => engine.PublishAsync(new RouteDecided(ReferralId, PersonId, District, routes, FiaCompleted: false, Now));

    public Task ReReferred(Guid reReferralId) => engine.PublishAsync(new ReReferredToDistrict(ReferralId, reReferralId, District, Now));

    public Task JobbtorgInterventionStarted(Guid interventionId) => engine.PublishAsync(new JobbtorgInterventionStarted(ReferralId, interventionId, Now));

    public Task JobbtorgInterventionEnded(Guid interventionId, bool completed = false) =>
        engine.PublishAsync(new JobbtorgInterventionEnded(ReferralId, interventionId, completed, Now));

    public Task JobbtorgReferralClosed(ClosureOutcome outcome) => engine.PublishAsync(new JobbtorgReferralClosed(ReferralId, Guid.NewGuid(), outcome, Now));

    public Task InterventionOpened(Guid interventionReferralId) => engine.PublishAsync(new InterventionReferralOpened(ReferralId, interventionReferralId, District, Now));

    public Task InterventionStarted(Guid interventionReferralId) =>
        engine.PublishAsync(new InterventionStarted(ReferralId, interventionReferralId, Guid.NewGuid(), District, Now));

    public Task TransferDecided(Guid interventionReferralId) => engine.PublishAsync(new TransferToResursDecided(ReferralId, interventionReferralId, District, Now));

    public Task ResursIntake(DateOnly transferOn) => engine.PublishAsync(new ResursIntakeCompleted(ReferralId, Guid.NewGuid(), transferOn, Now));

    public Task InterventionClosed(Guid interventionReferralId, ClosureOutcome outcome) =>
        engine.PublishAsync(new InterventionClosed(ReferralId, interventionReferralId, outcome, Now));

    public Task CaseClosed(ClosureOutcome outcome) => engine.PublishAsync(new CaseClosed(ReferralId, District, outcome, Now));

    public Task<List<SentCommand>> Commands() => engine.CommandsAsync(ReferralId);

    public async Task<string> MainStatus() => (await engine.InstancesAsync(ReferralId)).Single(i => i.DefinitionId == "referral-process").SubStatus;
}
