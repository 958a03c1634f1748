using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Options;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>The readiness checklist a follow-up answers (configured under Interventions:ReadinessItems).</summary>
internal static class ListReadinessItems
{
    public static Ok<IReadOnlyList<ReadinessItem>> Handle(IOptions<InterventionsOptions> options) => TypedResults.Ok(options.Value.Checklist);
}
