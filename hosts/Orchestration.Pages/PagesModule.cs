using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orchestration.Pages;

/// <summary>
/// The coordinator's and the social secretary's pages (Swedish): static HTML, CSS and JavaScript files, no inline
/// script, under the CSP of <c>/pages</c>. Anonymous like the Studio shell, because the files hold no data; the pages
/// use the Studio shell's sign-in (its session in the tab) and every API call carries the user's token.
/// </summary>
public static class PagesModule
{
    public const string Name = "Pages";
    public const string BasePath = "/pages";

    public static IServiceCollection AddPages(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<PagesAssets>();
        return services;
    }

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"{BasePath}/{{**path}}", Serve).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Serve(string? path, HttpContext context, PagesAssets assets)
    {
        if (string.IsNullOrEmpty(path))
        {
            return TypedResults.Redirect($"{BasePath}/handlaggare.html");
        }

        context.Response.Headers.CacheControl = "no-cache";
        return assets.Find(path) is { } file ? TypedResults.Bytes(file.Content, file.ContentType) : TypedResults.NotFound();
    }
}
