using MassTransit;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.Contracts.Jobbtorg.Events;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Persistence;

namespace Orchestration.FollowUps.Consumers;

/// <summary>
/// Keeps each referral's current stage (<see cref="CaseProgress"/>) from the process's contract events, for the inbox.
/// One line per event: which stage it means. Out-of-order events never move a stage back (see CaseProgress); the
/// inbox filter in front of it skips redeliveries. Closure has its own consumer (<see cref="CaseClosedConsumer"/>).
/// </summary>
public sealed class CaseStageConsumer(FollowUpsDbContext db) :
    IConsumer<ApplicationRegistered>, IConsumer<InitialMappingPart1Completed>, IConsumer<TargetGroupScreened>, IConsumer<InitialMappingPart3Completed>,
    IConsumer<JobbtorgIntakeCompleted>, IConsumer<SupportObstacleRecorded>, IConsumer<FiaSocialPartCompleted>, IConsumer<FiaJobPartRequested>,
    IConsumer<FiaJobPartCompleted>, IConsumer<RouteDecided>, IConsumer<ReReferredToDistrict>, IConsumer<InterventionStarted>,
    IConsumer<JobbtorgInterventionStarted>, IConsumer<TransferToResursDecided>, IConsumer<ResursIntakeCompleted>
{
    public Task Consume(ConsumeContext<ApplicationRegistered> c) => Apply(c, c.Message.ReferralId, CaseStage.Applied, c.Message.RegisteredAt, c.Message.District);

    public Task Consume(ConsumeContext<InitialMappingPart1Completed> c) =>
        Apply(c, c.Message.ReferralId, CaseStage.MappingPart1Completed, c.Message.CompletedAt, c.Message.District);

    public Task Consume(ConsumeContext<TargetGroupScreened> c) => Apply(c, c.Message.ReferralId, CaseStage.TargetGroupScreened, c.Message.ScreenedAt, c.Message.District);

    public Task Consume(ConsumeContext<InitialMappingPart3Completed> c) =>
        Apply(c, c.Message.ReferralId, CaseStage.MappingPart3Completed, c.Message.CompletedAt, c.Message.District);

    public Task Consume(ConsumeContext<JobbtorgIntakeCompleted> c) => Apply(c, c.Message.ReferralId, CaseStage.JobbtorgIntakeCompleted, c.Message.CompletedAt);

    public Task Consume(ConsumeContext<SupportObstacleRecorded> c) =>
        Apply(c, c.Message.ReferralId, CaseStage.SupportObstacleRecorded, c.Message.RecordedAt, c.Message.District);

    public Task Consume(ConsumeContext<FiaSocialPartCompleted> c) =>
        Apply(c, c.Message.ReferralId, CaseStage.FiaSocialPartCompleted, c.Message.CompletedAt, c.Message.District);

    public Task Consume(ConsumeContext<FiaJobPartRequested> c) => Apply(c, c.Message.ReferralId, CaseStage.FiaJobPartRequested, c.Message.RequestedAt, c.Message.District);

    public Task Consume(ConsumeContext<FiaJobPartCompleted> c) => Apply(c, c.Message.ReferralId, CaseStage.FiaJobPartCompleted, c.Message.CompletedAt);

    public Task Consume(ConsumeContext<RouteDecided> c) => Apply(c, c.Message.ReferralId, CaseStage.RouteDecided, c.Message.DecidedAt, c.Message.District);

    public Task Consume(ConsumeContext<ReReferredToDistrict> c) => Apply(c, c.Message.ReferralId, CaseStage.ReReferred, c.Message.ReReferredAt, c.Message.District);

    public Task Consume(ConsumeContext<InterventionStarted> c) => Apply(c, c.Message.ReferralId, CaseStage.InterventionStarted, c.Message.StartedAt, c.Message.District);

    public Task Consume(ConsumeContext<JobbtorgInterventionStarted> c) => Apply(c, c.Message.ReferralId, CaseStage.JobbtorgInterventionStarted, c.Message.StartedAt);

    public Task Consume(ConsumeContext<TransferToResursDecided> c) =>
        Apply(c, c.Message.ReferralId, CaseStage.TransferToResursDecided, c.Message.DecidedAt, c.Message.District);

    public Task Consume(ConsumeContext<ResursIntakeCompleted> c) => Apply(c, c.Message.ReferralId, CaseStage.ResursIntakeCompleted, c.Message.CompletedAt);

    private async Task Apply(ConsumeContext context, Guid referralId, CaseStage stage, DateTimeOffset at, string? district = null)
    {
        await db.FindOrStartAsync(referralId, stage, at, district?.Trim().ToLowerInvariant(), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
