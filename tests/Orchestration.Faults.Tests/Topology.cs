using System.Net.Http.Headers;
using Orchestration.Testing.Hosting;

namespace Orchestration.Faults.Tests;

/// <summary>
/// The production topology of deploy/local/topology.sh, started by the suite itself from the built host: one process
/// per service module and two workflow-engine nodes, all in the production profile on the fault servers.
/// </summary>
internal sealed class Topology : IAsyncDisposable
{
    public const string District = "spanga-tensta";
    private const string SigningKey = "fault-suite-signing-key-that-is-long-enough-0123456789";
    private static readonly string[] Modules = ["Workflows", "FinancialAid", "Jobbtorg", "Interventions", "FollowUps"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    private readonly FaultServers _servers;
    private readonly List<HttpClient> _clients = [];
    private readonly int _smtpPort;

    private Topology(FaultServers servers, int smtpPort)
    {
        _servers = servers;
        _smtpPort = smtpPort;
    }

    public List<TopologyProcess> Processes { get; } = [];

    public IEnumerable<TopologyProcess> EngineNodes => Processes.Where(p => p.Module == "Workflows");

    /// <summary>Who receives the district's escalations (the follow-ups module's setting).</summary>
    public const string CoordinatorAddress = "samordnare@stad.example";

    public HttpClient Secretary { get; private set; } = null!;

    public HttpClient Coach { get; private set; } = null!;

    public HttpClient Consultant { get; private set; } = null!;

    /// <summary>The social secretary at the interventions host: the follow-up's readiness judgment and the transfer decision are hers.</summary>
    public HttpClient InterventionsSecretary { get; private set; } = null!;

    public HttpClient FollowUpsAdmin { get; private set; } = null!;

    /// <summary>A process owner's client of each engine node.</summary>
    public List<HttpClient> Owners { get; } = [];

    public const string SecretaryName = "fault-secretary";

    /// <summary>Starts the processes; the follow-ups module mails through the SMTP server on <paramref name="smtpPort"/> (every delivery counted, repeats too).</summary>
    public static async Task<Topology> StartAsync(FaultServers servers, int smtpPort)
    {
        var topology = new Topology(servers, smtpPort);
        await topology.RunCommandAsync("migrate");
        // The keys and the processes start side by side: each start is mostly waiting (JIT, database, broker).
        var keys = await Task.WhenAll(
            topology.CreateApiKeyAsync(SecretaryName, "SocialSecretary", District),
            topology.CreateApiKeyAsync("fault-coach", "JobbtorgCoach", null),
            topology.CreateApiKeyAsync("fault-consultant", "WorkConsultant", District),
            topology.CreateApiKeyAsync("fault-owner", "ProcessOwner", null),
            topology.CreateApiKeyAsync("fault-admin", "Admin", null));
        var (secretaryKey, coachKey, consultantKey, ownerKey, adminKey) = (keys[0], keys[1], keys[2], keys[3], keys[4]);

        (string Name, string Module)[] layout =
        [
            ("workflows-1", "Workflows"), ("workflows-2", "Workflows"), ("financial-aid", "FinancialAid"),
            ("jobbtorg", "Jobbtorg"), ("interventions", "Interventions"), ("follow-ups", "FollowUps"),
        ];
        foreach (var (name, module) in layout)
        {
            var port = FreePort.Next();
            topology.Processes.Add(new TopologyProcess(name, module, port, topology.Environment(module, port)));
        }

        try
        {
            await Task.WhenAll(topology.Processes.Select(p => p.StartAsync(StartTimeout)));
        }
        catch
        {
            // The caller never gets the topology: kill what did start, or its processes outlive the test.
            await topology.DisposeAsync();
            throw;
        }

        topology.Secretary = topology.Client("financial-aid", secretaryKey);
        topology.Coach = topology.Client("jobbtorg", coachKey);
        topology.Consultant = topology.Client("interventions", consultantKey);
        topology.InterventionsSecretary = topology.Client("interventions", secretaryKey);
        topology.FollowUpsAdmin = topology.Client("follow-ups", adminKey);
        topology.Owners.AddRange(topology.EngineNodes.Select(n => topology.Client(n.Name, ownerKey)));
        return topology;
    }

    public TopologyProcess Process(string name) => Processes.Single(p => p.Name == name);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var process in Processes)
        {
            await process.DisposeAsync();
        }
    }

    private HttpClient Client(string process, string apiKey)
    {
        var client = new HttpClient { BaseAddress = Process(process).Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        _clients.Add(client);
        return client;
    }

    /// <summary>The settings of one process as topology.sh gives them; <paramref name="only"/> null: every module (for commands).</summary>
    private Dictionary<string, string> Environment(string? only, int? port)
    {
        var environment = new Dictionary<string, string>
        {
            ["Orchestration__Profile"] = "Production",
            ["ConnectionStrings__Orchestration"] = _servers.ConnectionString,
            ["ConnectionStrings__RabbitMq"] = _servers.AmqpUri,
            ["Auth__SigningKey"] = SigningKey,
            ["Urls"] = $"http://127.0.0.1:{port ?? 0}",
            ["Interventions__SeedDemoCatalogue"] = "true",
            ["FollowUps__Mail__SmtpHost"] = "127.0.0.1",
            ["FollowUps__Mail__SmtpPort"] = _smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FollowUps__Mail__SmtpSecurity"] = "None",
            ["FollowUps__Mail__AddressTemplate"] = "{0}@stad.example",
            [$"FollowUps__Mail__Coordinators__{District}__0"] = CoordinatorAddress,
        };
        if (System.Environment.GetEnvironmentVariable("Orchestration__CaptureDirectory") is { Length: > 0 } capture)
        {
            // run-tests.sh collects every host's logs and messages for the privacy scan; these hosts too.
            environment["Orchestration__CaptureDirectory"] = capture;
        }

        foreach (var module in Modules)
        {
            environment[$"Modules__{module}"] = only is null || only == module ? "true" : "false";
        }

        return environment;
    }

    private async Task RunCommandAsync(params string[] args)
    {
        await using var command = HostProcess.Start(Path.GetTempPath(), Environment(null, null), args);
        var exit = await command.WaitForExitAsync(StartTimeout);
        if (exit != 0)
        {
            throw new InvalidOperationException($"Orchestration.Host {string.Join(' ', args)} exited with {exit}: {command.AllOutput}");
        }
    }

    private async Task<string> CreateApiKeyAsync(string name, string role, string? district)
    {
        string[] args = district is null
            ? ["create-api-key", "--name", name, "--role", role]
            : ["create-api-key", "--name", name, "--role", role, "--district", district];
        await using var command = HostProcess.Start(Path.GetTempPath(), Environment(null, null), args);
        var exit = await command.WaitForExitAsync(StartTimeout);
        return exit == 0
            ? command.StandardOutput.Single(l => l.StartsWith("orc_", StringComparison.Ordinal))
            : throw new InvalidOperationException($"create-api-key exited with {exit}: {command.AllOutput}");
    }
}
