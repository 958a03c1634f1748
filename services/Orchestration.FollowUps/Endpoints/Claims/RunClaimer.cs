using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.FollowUps.Claiming;

namespace Orchestration.FollowUps.Endpoints.Claims;

/// <summary>Runs the claimer now, beside its recurring job: after a pause, for operations, and for tests that move time.</summary>
internal static class RunClaimer
{
    public sealed record Response(int NoticesIssued);

    public static async Task<Ok<Response>> Handle(DeadlineClaimer claimer, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Response(await claimer.ClaimDueAsync(cancellationToken)));
}
