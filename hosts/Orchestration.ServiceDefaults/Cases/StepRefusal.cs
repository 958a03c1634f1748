using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.ServiceDefaults.Cases;

/// <summary>
/// Why an aggregate refused a step, in the domain's words; the endpoint answers it as a 409 ProblemDetails.
/// Aggregates return it instead of throwing, so a rule is tested by calling the aggregate, without a host.
/// </summary>
public sealed record StepRefusal(bool AlreadyDone, string Reason)
{
    public static StepRefusal OutOfOrder(string reason) => new(false, reason);

    public static StepRefusal Done(string reason) => new(true, reason);

    public ProblemHttpResult ToProblem() => AlreadyDone ? CaseProblems.AlreadyDone(Reason) : CaseProblems.OutOfOrder(Reason);
}
