using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.ServiceDefaults.Messaging;

/// <summary>Operators' view of failed messages: which queues, what failed and why, and redelivery once fixed (Admin only).</summary>
public static class ErrorQueuesApi
{
    public sealed record QueuesResponse(IReadOnlyCollection<string> Queues);

    public sealed record MessagesResponse(string Queue, IReadOnlyList<ErrorQueueMessage> Messages);

    public sealed record RedeliverResponse(string Queue, int Redelivered);

    public static RouteGroupBuilder MapErrorQueuesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin/error-queues").WithTags("Messaging").RequireAuthorization(Policies.Administer);
        group.MapGet("/", List).WithSummary("The queues of this host's consumers; each has an error queue '<queue>_error'.");
        group.MapGet("/{queue}", Peek).WithSummary("Up to 100 failed messages of a queue: ids, type and exception, not the body.");
        group.MapPost("/{queue}/redeliver", Redeliver).WithSummary("Moves every failed message of a queue back to it.");
        return group;
    }

    private static Results<Ok<QueuesResponse>, ProblemHttpResult> List(IServiceProvider services) =>
        services.GetService<ErrorQueues>() is { } queues
            ? TypedResults.Ok(new QueuesResponse(queues.Queues))
            : NotRabbitMq();

    private static async Task<Results<Ok<MessagesResponse>, ProblemHttpResult>> Peek(string queue, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<ErrorQueues>() is not { } queues)
        {
            return NotRabbitMq();
        }

        return queues.Knows(queue)
            ? TypedResults.Ok(new MessagesResponse(queue, await queues.PeekAsync(queue, cancellationToken)))
            : UnknownQueue(queue);
    }

    private static async Task<Results<Ok<RedeliverResponse>, ProblemHttpResult>> Redeliver(string queue, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<ErrorQueues>() is not { } queues)
        {
            return NotRabbitMq();
        }

        return queues.Knows(queue)
            ? TypedResults.Ok(new RedeliverResponse(queue, await queues.RedeliverAsync(queue, cancellationToken)))
            : UnknownQueue(queue);
    }

    private static ProblemHttpResult NotRabbitMq() => TypedResults.Problem(
        "Error queues are kept by RabbitMQ in the production profile; the embedded in-memory bus has none to inspect.",
        statusCode: StatusCodes.Status409Conflict, title: "No error queues in this profile");

    private static ProblemHttpResult UnknownQueue(string queue) => TypedResults.Problem(
        $"'{queue}' is not a queue of this host's consumers.", statusCode: StatusCodes.Status404NotFound, title: "Unknown queue");
}
