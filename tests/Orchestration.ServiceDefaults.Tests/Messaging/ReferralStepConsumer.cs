using MassTransit;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>Logs each step as it arrives; its endpoint takes one message at a time, so the log shows the queue's order.</summary>
public sealed class ReferralStepConsumer(StepLog log) : IConsumer<ReferralStepRecorded>
{
    public Task Consume(ConsumeContext<ReferralStepRecorded> context)
    {
        log.Received(context.Message.ReferralId, context.Message.Step);
        return Task.CompletedTask;
    }
}
