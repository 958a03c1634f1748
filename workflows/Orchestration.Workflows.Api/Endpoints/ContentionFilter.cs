using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>
/// Contention is not a server error: a concurrency conflict or a lock that was not granted in time is retried a few
/// times with jitter (nothing of the failed attempt was committed), then answered 409 (conflict) or 503 with
/// Retry-After (busy) as ProblemDetails, never 500.
/// </summary>
internal sealed class ContentionFilter : IEndpointFilter
{
    private const int Attempts = 3;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(context);
            }
            catch (Exception ex) when (Classify(ex) is { } status && !context.HttpContext.RequestAborted.IsCancellationRequested)
            {
                if (attempt < Attempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250) * attempt), context.HttpContext.RequestAborted);
                    continue;
                }

                if (status == StatusCodes.Status503ServiceUnavailable)
                {
                    context.HttpContext.Response.Headers.RetryAfter = "1";
                }

                return TypedResults.Problem(
                    status == StatusCodes.Status409Conflict
                        ? "Another request changed this workflow instance at the same moment; read it again and retry."
                        : "The workflow instance is busy; retry shortly.",
                    statusCode: status,
                    title: status == StatusCodes.Status409Conflict ? "Conflict" : "Busy");
            }
        }
    }

    private static int? Classify(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        // The instance lock (advisory lock) was not granted within its timeout.
        TimeoutException => StatusCodes.Status503ServiceUnavailable,
        // Serialization failure, deadlock, lock not available.
        PostgresException { SqlState: "40001" or "40P01" or "55P03" } => StatusCodes.Status503ServiceUnavailable,
        // SQLITE_BUSY, SQLITE_LOCKED.
        SqliteException { SqliteErrorCode: 5 or 6 } => StatusCodes.Status503ServiceUnavailable,
        DbUpdateException { InnerException: { } inner } => Classify(inner),
        _ => null,
    };
}
