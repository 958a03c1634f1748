using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Workflows.Api.Definitions;
using Orchestration.Workflows.Messaging.Activities;
using Orchestration.Workflows.Messaging.Contracts;
using Orchestration.Workflows.Persistence;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Api.Tests.Process;

/// <summary>
/// The shipped process definitions on the real workflow runtime (stimulus store, dispatch, timers, outbox) with an
/// embedded SQLite file and a fake clock: no servers. Events go in as the messaging bridge hands them over (contract
/// JSON, correlated by ReferralId, a message id each); the commands the workflows send are read from the outbox.
/// </summary>
internal sealed class ProcessEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _file;

    private ProcessEngine(ServiceProvider services, string file)
    {
        _services = services;
        _file = file;
    }

    public FakeTimeProvider Clock { get; private init; } = null!;

    public static async Task<ProcessEngine> StartAsync(Func<string, JsonObject, JsonObject>? edit = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"orchestration-process-{Guid.NewGuid():N}.db");
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 11, 8, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(new HostSettings(OrchestrationProfile.Embedded, Path.GetTempPath(), DatabaseProvider.Sqlite, $"Data Source={file}",
            new Uri("amqp://unused"), MigrateOnStart: true));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(new ActivityContribution(MessageActivityDescriptors.AddTo));
        services.AddWorkflowsPersistence();
        var container = services.BuildServiceProvider();
        await using (var scope = container.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Database.MigrateAsync();
            var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
            foreach (var (_, model) in ProcessDefinitionSeeder.Shipped())
            {
                var edited = edit?.Invoke(model["definitionId"]!.ToString(), model) ?? model;
                var saved = await definitions.SaveAsync(edited, publish: true, CancellationToken.None);
                saved.Succeeded.Should().BeTrue(string.Join("; ", saved.Errors.Select(e => e.Message)));
            }
        }

        return new ProcessEngine(container, file) { Clock = clock };
    }

    /// <summary>Hands an event contract to the runtime as the messaging bridge does; returns the bursts it ran.</summary>
    public async Task<IReadOnlyList<Engine.RunResult>> PublishAsync<T>(T message)
        where T : class
    {
        // Services act minutes apart; the outbox then shows the order of the bursts.
        Clock.Advance(TimeSpan.FromMinutes(1));
        var payload = JsonSerializer.SerializeToNode(message, ContractJson.Options) as JsonObject;
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().TriggerEventFromMessageAsync(typeof(T).Name,
            ContractCorrelation.Of(message), payload, Guid.NewGuid(), ContractDistrict.Of(message), CancellationToken.None);
    }

    /// <summary>Saves and publishes a new version of a definition, as the process owner does in Studio.</summary>
    public async Task PublishNewVersionAsync(string definitionId, Func<JsonObject, JsonObject> edit)
    {
        await using var scope = _services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        var latest = await definitions.FindAsync(definitionId, Orchestration.Workflows.Definitions.VersionOptions.Latest, CancellationToken.None);
        var model = JsonNode.Parse(latest!.Data)!.AsObject();
        var saved = await definitions.SaveAsync(edit(model), publish: true, CancellationToken.None);
        saved.Succeeded.Should().BeTrue(string.Join("; ", saved.Errors.Select(e => e.Message)));
    }

    /// <summary>Moves the clock on and runs the timer sweep as the background service would.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ResumeDueTimersAsync(CancellationToken.None);
    }

    /// <summary>Every command the process sent for the referral, in the order the bursts committed them.</summary>
    public async Task<List<SentCommand>> CommandsAsync(Guid referralId)
    {
        await using var scope = _services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
        var id = referralId.ToString();
        // Each event is handled a minute after the previous one; what one event caused has no order of its own (each
        // command goes to its own queue), so it is listed by name.
        return rows.Select(r => (r.CreatedAt, Command: new SentCommand(Type.GetType(r.MessageType)!.Name, JsonNode.Parse(r.Body)!.AsObject())))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Command.Name, StringComparer.Ordinal).Select(r => r.Command)
            .Where(c => string.Equals(c.Body["referralId"]?.ToString(), id, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>The instances of the referral: definition id → sub-statuses.</summary>
    public async Task<List<(string DefinitionId, string SubStatus, string Id)>> InstancesAsync(Guid referralId)
    {
        await using var scope = _services.CreateAsyncScope();
        var id = referralId.ToString();
        var rows = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().WorkflowInstances.AsNoTracking()
            .Where(i => i.CorrelationId == id).OrderBy(i => i.CreatedAt).ToListAsync();
        return rows.Select(r => (r.DefinitionId, r.SubStatus, r.Id)).ToList();
    }

    public async Task<WorkflowState> StateAsync(string instanceId)
    {
        await using var scope = _services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
        return WorkflowStateSerializer.Deserialize(row.State);
    }

    /// <summary>Incidents of every instance of the referral, as text, for a failure message.</summary>
    public async Task<string> IncidentsAsync(Guid referralId)
    {
        var lines = new List<string>();
        foreach (var (definitionId, _, id) in await InstancesAsync(referralId))
        {
            lines.AddRange((await StateAsync(id)).Incidents.Select(i => $"{definitionId}/{i.ActivityId}: {i.Message}"));
        }

        return string.Join("\n", lines);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}

/// <summary>A command in the workflows' outbox: its contract name and JSON body.</summary>
internal sealed record SentCommand(string Name, JsonObject Body)
{
    public string? this[string property] => Body[property]?.ToString();

    public override string ToString() => $"{Name} {Body.ToJsonString()}";
}
