using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Orchestration.ServiceDefaults.Hosting;

/// <summary>The ProblemDetails every case endpoint answers with, worded the same way in every module.</summary>
public static class CaseProblems
{
    /// <summary>404: no such case or record (or not visible to the caller).</summary>
    public static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem($"There is no {what} {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>409: the step is valid but not now, e.g. a follow-up before the intervention started.</summary>
    public static ProblemHttpResult OutOfOrder(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Step out of order");

    /// <summary>409: the step was already done and is done only once.</summary>
    public static ProblemHttpResult AlreadyDone(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Already done");

    /// <summary>409: someone else saved the case since it was read; nothing was written.</summary>
    public static ProblemHttpResult ChangedMeanwhile(string what, Guid id) =>
        TypedResults.Problem($"Someone else changed {what} {id} meanwhile; nothing was saved. Read it again and retry.",
            statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile");

    /// <summary>400 with the offending fields, e.g. an unknown code or a missing required answer.</summary>
    public static ValidationProblem Invalid(string field, string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error] });

    /// <summary>403 with the reason, e.g. no valid consent to share.</summary>
    public static ProblemHttpResult Forbidden(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: title);
}
