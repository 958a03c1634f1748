using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Testing.Hosting;

namespace Orchestration.Host.Tests.Security;

/// <summary>One route and method of the host, with a concrete path that reaches it (its parameters filled with plausible values).</summary>
internal sealed record HostEndpoint(string Method, string Pattern, string Path, bool Anonymous, IReadOnlyList<string> Policies, bool TakesBody)
{
    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>Every route the running host answers, read from its endpoint data source, so that a new endpoint is covered without being listed.</summary>
internal static partial class HostEndpoints
{
    public const string District = "spanga-tensta";

    public static IReadOnlyList<HostEndpoint> Of(TestHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m != "HEAD" && m != "OPTIONS")
                .Select(m => new HostEndpoint(
                    m,
                    "/" + e.RoutePattern.RawText!.TrimStart('/'),
                    Fill(e.RoutePattern.RawText!),
                    e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                    e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "").ToList(),
                    e.Metadata.GetMetadata<IAcceptsMetadata>() is not null)))
            .DistinctBy(e => (e.Method, e.Pattern))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>A path the route matches: guids for ids, the local district, the first value of a regex constraint, nothing for catch-alls.</summary>
    public static string Fill(string pattern, string? text = null) =>
        "/" + Parameter().Replace(pattern.TrimStart('/'), m =>
        {
            var name = m.Groups["name"].Value;
            var constraint = m.Groups["constraint"].Value;
            if (m.Groups["all"].Success)
            {
                return "";
            }

            if (constraint.StartsWith(":regex(", StringComparison.Ordinal))
            {
                return FirstAlternative().Match(constraint).Groups[1].Value;
            }

            return constraint.Contains(":int", StringComparison.Ordinal) ? "1"
                : name.Equals("district", StringComparison.OrdinalIgnoreCase) ? District
                : text ?? Guid.NewGuid().ToString();
        });

    [GeneratedRegex(@"\{(?<all>\*{1,2})?(?<name>[A-Za-z0-9_]+)(?<constraint>[^}]*)\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\^\(?([a-z0-9-]+)")]
    private static partial Regex FirstAlternative();
}
