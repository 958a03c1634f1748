namespace Orchestration.Host.Modules;

/// <summary>A module the host can switch on: its <c>AddXxx</c>/<c>MapXxx</c> pair.</summary>
internal sealed record HostModule(
    string Name,
    Action<IServiceCollection, IConfiguration> Add,
    Action<IEndpointRouteBuilder> Map);
