using Orchestration.Jobbtorg.Domain;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

public sealed record InterventionView(Guid InterventionId, string Kind, InterventionState State, DateOnly? PlannedStartOn, DateTimeOffset BookedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, bool? Completed)
{
    public static InterventionView From(JobbtorgIntervention i) =>
        new(i.Id, i.Kind, i.State, i.PlannedStartOn, i.BookedAt, i.StartedAt, i.EndedAt, i.Completed);
}
