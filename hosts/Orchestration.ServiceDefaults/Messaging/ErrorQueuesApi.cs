using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.ServiceDefaults.Messaging;

/// <summary>
/// Operators' view of the messages set aside: which queues, what failed (or was skipped) and why, and redelivery once
/// fixed (Admin only). <c>?kind=skipped</c> reads the <c>_skipped</c> queue instead of the <c>_error</c> one.
/// </summary>
public static class ErrorQueuesApi
{
    public sealed record QueuesResponse(IReadOnlyCollection<string> Queues, IReadOnlyCollection<string> Kinds);

    public sealed record MessagesResponse(string Queue, IReadOnlyList<ErrorQueueMessage> Messages, string Kind = "error", string From = "");

    public sealed record RedeliverResponse(string Queue, int Redelivered, string Kind = "error", string From = "");

    public static RouteGroupBuilder MapErrorQueuesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin/error-queues").WithTags("Messaging").RequireAuthorization(Policies.Administer);
        group.MapGet("/", List).WithSummary("The queues of this host's consumers; each has an error queue '<queue>_error' and a skipped queue '<queue>_skipped'.");
        group.MapGet("/{queue}", Peek).WithSummary("Up to 100 failed (kind=error, the default) or skipped (kind=skipped) messages of a queue: ids, type and exception or reason, not the body.");
        group.MapPost("/{queue}/redeliver", Redeliver).WithSummary("Moves every failed (kind=error) or skipped (kind=skipped) message of a queue back to it.");
        return group;
    }

    private static Results<Ok<QueuesResponse>, ProblemHttpResult> List(IServiceProvider services) =>
        services.GetService<ErrorQueues>() is { } queues
            ? TypedResults.Ok(new QueuesResponse(queues.Queues, [Name(DeadLetterKind.Error), Name(DeadLetterKind.Skipped)]))
            : NotRabbitMq();

    private static async Task<Results<Ok<MessagesResponse>, ProblemHttpResult>> Peek(string queue, string? kind, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<ErrorQueues>() is not { } queues)
        {
            return NotRabbitMq();
        }

        if (ParseKind(kind) is not { } parsed)
        {
            return UnknownKind(kind!);
        }

        return queues.Knows(queue)
            ? TypedResults.Ok(new MessagesResponse(queue, await queues.PeekAsync(queue, parsed, cancellationToken), Name(parsed), ErrorQueues.QueueOf(queue, parsed)))
            : UnknownQueue(queue);
    }

    private static async Task<Results<Ok<RedeliverResponse>, ProblemHttpResult>> Redeliver(string queue, string? kind, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<ErrorQueues>() is not { } queues)
        {
            return NotRabbitMq();
        }

        if (ParseKind(kind) is not { } parsed)
        {
            return UnknownKind(kind!);
        }

        return queues.Knows(queue)
            ? TypedResults.Ok(new RedeliverResponse(queue, await queues.RedeliverAsync(queue, parsed, cancellationToken), Name(parsed), ErrorQueues.QueueOf(queue, parsed)))
            : UnknownQueue(queue);
    }

    /// <summary>Absent: the error queue, as before the skipped queues were listed.</summary>
    private static DeadLetterKind? ParseKind(string? kind) => kind switch
    {
        null or "" => DeadLetterKind.Error,
        _ when string.Equals(kind, "error", StringComparison.OrdinalIgnoreCase) => DeadLetterKind.Error,
        _ when string.Equals(kind, "skipped", StringComparison.OrdinalIgnoreCase) => DeadLetterKind.Skipped,
        _ => null,
    };

    private static string Name(DeadLetterKind kind) => kind == DeadLetterKind.Skipped ? "skipped" : "error";

    private static ProblemHttpResult UnknownKind(string kind) => TypedResults.Problem(
        $"'{kind}' is no kind of set-aside queue; use 'error' (the default) or 'skipped'.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown kind");

    private static ProblemHttpResult NotRabbitMq() => TypedResults.Problem(
        "Error queues are kept by RabbitMQ in the production profile; the embedded in-memory bus has none to inspect.",
        statusCode: StatusCodes.Status409Conflict, title: "No error queues in this profile");

    private static ProblemHttpResult UnknownQueue(string queue) => TypedResults.Problem(
        $"'{queue}' is not a queue of this host's consumers.", statusCode: StatusCodes.Status404NotFound, title: "Unknown queue");
}
