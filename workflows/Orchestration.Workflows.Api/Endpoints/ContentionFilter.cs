using Microsoft.AspNetCore.Http;
using Orchestration.Workflows.Persistence.Runtime;

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

    private static int? Classify(Exception exception) => Contention.Classify(exception) switch
    {
        ContentionKind.Conflict => StatusCodes.Status409Conflict,
        ContentionKind.Busy => StatusCodes.Status503ServiceUnavailable,
        _ => null,
    };
}
