using Microsoft.EntityFrameworkCore;
using Orchestration.Access;
using Orchestration.Access.Endpoints;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Host.Demo;

/// <summary>
/// The people the demo acts as: per district a social secretary, a work consultant and a coordinator, a Jobbtorg
/// coach and an admin. Each gets an API key made in-process, as the host's <c>create-api-key</c> command does (the
/// demo's clock runs months behind, so sign-in tokens, checked against real time, would not be accepted); the key's
/// name is the user name the services record. The keys are revoked when the demo ends, so none outlives it.
/// </summary>
internal sealed class DemoCaseworkers : IAsyncDisposable
{
    private readonly IServiceProvider _services;
    private readonly List<Guid> _keys = [];
    private readonly List<DemoActor> _actors = [];

    private DemoCaseworkers(IServiceProvider services) => _services = services;

    public required DemoActor Coach { get; init; }

    public required DemoActor Admin { get; init; }

    public required IReadOnlyDictionary<string, (DemoActor Secretary, DemoActor Consultant, DemoActor Coordinator)> ByDistrict { get; init; }

    public static async Task<DemoCaseworkers> CreateAsync(IServiceProvider services, Uri baseAddress, IEnumerable<DemoDistrict> districts)
    {
        var made = new List<(Guid Id, DemoActor Actor)>();
        async Task<DemoActor> Actor(string name, string role, string? district)
        {
            await using var scope = services.CreateAsyncScope();
            var created = await AccessApi.CreateApiKeyAsync(scope.ServiceProvider.GetRequiredService<AccessDbContext>(), name, [role], district,
                "demo", scope.ServiceProvider.GetRequiredService<TimeProvider>(), CancellationToken.None);
            var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(ApiKeyAuthenticationHandler.SchemeName, created.Key);
            var actor = new DemoActor(client, name);
            made.Add((created.Id, actor));
            return actor;
        }

        var byDistrict = new Dictionary<string, (DemoActor, DemoActor, DemoActor)>();
        foreach (var district in districts)
        {
            byDistrict[district.Code] = (await Actor(district.Secretary, Roles.SocialSecretary, district.Code),
                await Actor(district.Consultant, Roles.WorkConsultant, district.Code),
                await Actor(district.Coordinator, Roles.Coordinator, district.Code));
        }

        var caseworkers = new DemoCaseworkers(services)
        {
            Coach = await Actor("jobbtorgcoach", Roles.JobbtorgCoach, null),
            Admin = await Actor("admin", Roles.Admin, null),
            ByDistrict = byDistrict,
        };
        caseworkers._keys.AddRange(made.Select(m => m.Id));
        caseworkers._actors.AddRange(made.Select(m => m.Actor));
        return caseworkers;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var actor in _actors)
        {
            actor.Dispose();
        }

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var key in await db.ApiKeys.Where(k => _keys.Contains(k.Id)).ToListAsync())
        {
            key.RevokedAt ??= now;
        }

        await db.SaveChangesAsync();
    }
}
