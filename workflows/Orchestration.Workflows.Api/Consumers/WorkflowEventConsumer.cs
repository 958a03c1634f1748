using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Orchestration.Workflows.Messaging.Contracts;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Api.Consumers;

/// <summary>
/// Turns an event contract into a workflow event of the same name: waiting instances with the message's correlation
/// resume, and workflows triggered by it start (e.g. ApplicationRegistered starts the referral process). The
/// message id makes a redelivery harmless. A workflow it starts belongs to the district the message names, which
/// scopes who may read the instance.
/// </summary>
public sealed class WorkflowEventConsumer<T>(WorkflowRuntime runtime) : IConsumer<T>
    where T : class
{
    public async Task Consume(ConsumeContext<T> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(T).Name} without a MessageId cannot be deduplicated.");
        var payload = JsonSerializer.SerializeToNode(context.Message, ContractJson.Options) as JsonObject;
        await runtime.TriggerEventFromMessageAsync(typeof(T).Name, ContractCorrelation.Of(context.Message), payload, messageId,
            ContractDistrict.Of(context.Message), context.CancellationToken);
    }
}
