using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Orchestration.ServiceDefaults.Hosting;

/// <summary>
/// Response headers that keep browsers from misusing what we serve: no MIME sniffing, no framing (clickjacking), no
/// referrer leaving the site, and a Content-Security-Policy per kind of page. The API answers data only, so its
/// policy allows nothing; Elsa Studio is Blazor WebAssembly, which needs 'wasm-unsafe-eval' to compile its
/// runtime (never 'unsafe-eval'), inline styles (MudBlazor sets them) and web workers (the Monaco editor); the API
/// reference (Scalar) configures itself with an inline script.
/// </summary>
internal static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // The hashes admit the two inline scripts the Studio bundle inserts, one at start and one in the instance viewer
    // (found by the Studio browser tests, which fail on a CSP violation); a new bundle version with another script
    // shows up there the same way.
    public const string StudioPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-snlP1jz0gjwc5cTz9ErZcliXuCK63+Mmf68RRCeptgc=' 'sha256-vu6sQrKXQHR4Yn3FMMihA/9TxxfIXnCxKwvLrTPJ5ts='; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'none'";

    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https:; img-src 'self' data: https:; "
        + "font-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The coordinator and social secretary pages: own scripts and styles only (chart.js draws on a canvas).
    public const string PagesPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set as the answer starts, not when the request comes in: the exception handler clears the headers of a
            // failed request (a bad query in Development throws) before writing its ProblemDetails, and those carry
            // them too. Errors and redirects included.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = PolicyFor(context.Request.Path);
                return Task.CompletedTask;
            });
            return next(context);
        });

    public static string PolicyFor(PathString path) =>
        path.StartsWithSegments("/studio") ? StudioPolicy
        : path.StartsWithSegments("/scalar") ? ApiReferencePolicy
        : path.StartsWithSegments("/pages") ? PagesPolicy
        : ApiPolicy;
}
