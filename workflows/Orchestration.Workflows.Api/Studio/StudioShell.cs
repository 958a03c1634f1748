using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Orchestration.Workflows.Api.Studio;

/// <summary>
/// Serves the designer at /studio: our shell page (sign-in, navigation) around the Elsa Studio custom elements,
/// and the bundle's files. Anonymous, because the files hold no data; every API call the elements make carries
/// the signed-in user's token. Served as endpoints, not by static-file middleware, so that the deny-by-default
/// fallback policy keeps applying to everything else.
/// </summary>
internal static partial class StudioShell
{
    public const string BasePath = "/studio";

    /// <summary>HEAD as well as GET: link checkers and monitors probe pages with HEAD (Kestrel sends no body for it).</summary>
    private static readonly string[] PageMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapStudioShell(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/", PageMethods, () => TypedResults.Redirect($"{BasePath}/")).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapMethods($"{BasePath}/{{**path}}", PageMethods, Serve).AllowAnonymous().ExcludeFromDescription();
        var services = endpoints.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StudioShell));
        var assets = services.GetRequiredService<StudioAssets>();
        if (!assets.IsBundleAvailable)
        {
            LogBundleMissing(logger, assets.BundleDirectory);
        }

        // Tell whoever started the host where the designer is, once the addresses are known.
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            foreach (var address in services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            {
                LogDesignerAddress(logger, $"{address.TrimEnd('/')}{BasePath}/");
            }
        });

        return endpoints;
    }

    private static IResult Serve(string? path, HttpContext context, StudioAssets assets, ILoggerFactory logs)
    {
        path ??= "";
        // "/studio" without the slash would resolve the page's relative URLs against "/": send the browser to "/studio/".
        if (path.Length == 0 && !context.Request.Path.Value!.EndsWith('/'))
        {
            return TypedResults.Redirect($"{BasePath}/{context.Request.QueryString}");
        }

        // Fingerprinted or not, files are revalidated (ETag / Last-Modified answer 304), so an upgraded bundle shows at once.
        context.Response.Headers.CacheControl = "no-cache";
        if (path is "" or "index.html")
        {
            return Shell(assets, "index.html");
        }

        if (path.StartsWith("shell/", StringComparison.Ordinal))
        {
            return Shell(assets, path["shell/".Length..]);
        }

        var file = assets.FindBundleFile(path, context.Request.Headers.AcceptEncoding.ToString());
        if (file is null)
        {
            // Blazor asks for appsettings.{Environment}.json, which the bundle does not ship: nothing to add.
            if (path.StartsWith("appsettings.", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal))
            {
                return TypedResults.Text("{}", "application/json");
            }

            LogMissingFile(logs.CreateLogger(typeof(StudioShell)), path, assets.BundleDirectory);
            return TypedResults.NotFound();
        }

        if (file.ContentEncoding is not null)
        {
            context.Response.Headers.ContentEncoding = file.ContentEncoding;
            context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        }

        var info = new FileInfo(file.PhysicalPath);
        var etag = new EntityTagHeaderValue($"\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\"");
        return TypedResults.PhysicalFile(file.PhysicalPath, file.ContentType, lastModified: info.LastWriteTimeUtc, entityTag: etag);
    }

    private static IResult Shell(StudioAssets assets, string name) =>
        assets.ShellFile(name) is { } content
            ? TypedResults.Bytes(content, StudioAssets.ContentTypeOf(name))
            : TypedResults.NotFound();

    [LoggerMessage(Level = LogLevel.Information, Message = "Designer (Elsa Studio) at {Address}")]
    private static partial void LogDesignerAddress(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Elsa Studio bundle is not at {BundleDirectory}: /studio cannot start the designer (build the host with npm available)")]
    private static partial void LogBundleMissing(ILogger logger, string bundleDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Studio asked for {Path}, which is not in the bundle at {BundleDirectory}")]
    private static partial void LogMissingFile(ILogger logger, string path, string bundleDirectory);
}
