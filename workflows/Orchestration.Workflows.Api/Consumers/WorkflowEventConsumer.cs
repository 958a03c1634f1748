using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestration.Workflows.Messaging.Contracts;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Api.Consumers;

/// <summary>
/// Turns an event contract into a workflow event of the same name: waiting instances with the message's correlation
/// resume, and workflows triggered by it start (e.g. ApplicationRegistered starts the referral process). The
/// message id makes a redelivery harmless. A workflow it starts belongs to the district the message names, which
/// scopes who may read the instance.
/// </summary>
public sealed class WorkflowEventConsumer<T>(IServiceScopeFactory scopes, TimeProvider time, IOptions<WorkflowRuntimeOptions> options) : IConsumer<T>
    where T : class
{
    public async Task Consume(ConsumeContext<T> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(T).Name} without a MessageId cannot be deduplicated.");
        var payload = JsonSerializer.SerializeToNode(context.Message, ContractJson.Options) as JsonObject;
        // Contention with another writer of the same instance is retried here, each try in a fresh scope (nothing of
        // a failed try was committed; what an earlier try committed is in the inbox, so no instance resumes twice).
        await Contention.RetryAsync(async cancellationToken =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().TriggerEventFromMessageAsync(typeof(T).Name,
                ContractCorrelation.Of(context.Message), payload?.DeepClone() as JsonObject, messageId, ContractDistrict.Of(context.Message), cancellationToken);
        }, options.Value.ContentionRetries, options.Value.ContentionRetryDelay, time, context.CancellationToken);
    }
}
