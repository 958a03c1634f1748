using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>Server facts Studio asks for (ELSA-API.md §3.1).</summary>
internal static class ServerInfoApi
{
    /// <summary>The Elsa version whose API we speak; Studio shows it as a label.</summary>
    public const string ElsaApiVersion = "3.8.2";

    public sealed record PackageVersionResponse(string PackageVersion);

    public sealed record FeatureDescriptor(string Name, string Namespace, string FullName, string DisplayName, string Description);

    public sealed record FeatureListResponse(IReadOnlyList<FeatureDescriptor> Items, int Count);

    public static void MapServerInfo(this RouteGroupBuilder group)
    {
        group.MapGet("/package/version", PackageVersion).WithSummary("The Elsa API version this server speaks.");
        group.MapGet("/features/installed", InstalledFeatures).WithSummary("Elsa features this server offers.");
    }

    private static Ok<PackageVersionResponse> PackageVersion() => TypedResults.Ok(new PackageVersionResponse(ElsaApiVersion));

    // Deliberately without "Elsa.RealTimeWorkflowUpdates": Studio then polls instead of opening SignalR (ELSA-API.md §6.6).
    private static Ok<FeatureListResponse> InstalledFeatures() => TypedResults.Ok(new FeatureListResponse([], 0));
}
