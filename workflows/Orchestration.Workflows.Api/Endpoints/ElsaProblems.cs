using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Workflows.Validation;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>
/// Errors in ProblemDetails form that Studio also understands: it reads <c>errors.generalErrors</c> and
/// <c>message</c> from a 400 (ELSA-API.md §2), so both are present.
/// </summary>
internal static class ElsaProblems
{
    public static ValidationProblem Invalid(string title, IEnumerable<ValidationError> errors)
    {
        var messages = errors.Select(e => e.ToString()).ToArray();
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["generalErrors"] = messages },
            detail: string.Join(" ", messages),
            title: title,
            extensions: new Dictionary<string, object?> { ["statusCode"] = 400, ["message"] = title });
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
