using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>
/// Any other call under /elsa/api, such as a Studio feature we do not serve yet. Studio treats every non-2xx answer
/// to a read as a crash (Blazor's error bar, ELSA-API.md §2), so a read gets an empty list; a change gets 501, which
/// Studio shows as a failed action. Either way the call is logged as a warning, so that we learn what is missing.
/// </summary>
internal static partial class UnsupportedCallsApi
{
    public static void MapUnsupportedCalls(this RouteGroupBuilder api) =>
        // A catch-all has the lowest route precedence: it only answers what no other route (or method) matches.
        // A change with a body in another type than JSON lands here too, as routing passes over JSON endpoints for it
        // (the login as text/plain): it is answered 415 before authorization, whoever sends it.
        api.Map("/{**path}", Answer).ExcludeFromDescription().AcceptsJsonBodiesOnly();

    private static IResult Answer(string? path, HttpContext context, ILoggerFactory logs)
    {
        var method = context.Request.Method;
        // A change without a body lands here too: routing passes over JSON endpoints for it. Say what is wrong.
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsDelete(method) && !context.Request.HasJsonContentType()
            && !context.Request.HasFormContentType)
        {
            return TypedResults.Problem("Send the request body as JSON (Content-Type: application/json).",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        LogUnsupported(logs.CreateLogger(typeof(UnsupportedCallsApi)), method, context.Request.Path);
        context.Response.Headers["x-orchestration-unsupported"] = "true";
        return HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            ? TypedResults.Ok(new JsonObject { ["items"] = new JsonArray(), ["count"] = 0, ["totalCount"] = 0 })
            : TypedResults.Problem($"{method} {context.Request.Path} is not supported by this server yet.",
                statusCode: StatusCodes.Status501NotImplemented, title: "Not supported yet");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unsupported Elsa API call {Method} {Path}")]
    private static partial void LogUnsupported(ILogger logger, string method, string path);
}
