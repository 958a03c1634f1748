using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Orchestration.Testing.Hosting;

namespace Orchestration.Faults.Tests;

/// <summary>
/// The fault suite's own PostgreSQL cluster and RabbitMQ node (deploy/local/fault-servers.sh), on other ports than the
/// shared servers: only these are ever restarted. A server that does not start fails the suite with the script's
/// output; there is no fallback to the shared servers.
/// </summary>
internal sealed class FaultServers
{
    private const string Script = "deploy/local/fault-servers.sh";
    private const int PostgresPort = 55432;
    private const int RabbitPort = 55672;
    private const int ManagementPort = 55673;

    public string DatabaseName { get; } = $"faults_{Guid.NewGuid():N}"[..22];

    public string VirtualHost { get; } = $"faults-{Guid.NewGuid():N}"[..15];

    // At most 40 connections a process: six hosts and the suite stay below the server's 300 even with 200 referrals at
    // once (the long run's restarted host was refused with 53300 "remaining connection slots are reserved").
    public string ConnectionString => $"Host=127.0.0.1;Port={PostgresPort};Database={DatabaseName};Username=orchestration;Password=orchestration;Timeout=10;Maximum Pool Size=40";

    // Unpooled: the suite restarts PostgreSQL, which leaves a pooled connection's socket dead for the next use.
    private static string AdminConnectionString =>
        $"Host=127.0.0.1;Port={PostgresPort};Database=postgres;Username=orchestration;Password=orchestration;Pooling=false;Timeout=10";

    public string AmqpUri => $"amqp://orchestration:orchestration@127.0.0.1:{RabbitPort}/{VirtualHost}";

    /// <summary>Starts (or finds running) both servers and makes this run's database and virtual host.</summary>
    public static async Task<FaultServers> StartAsync()
    {
        await RunScriptAsync("start");
        var servers = new FaultServers();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{servers.DatabaseName}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        using var management = Management();
        (await management.PutAsync($"vhosts/{servers.VirtualHost}", null)).EnsureSuccessStatusCode();
        (await management.PutAsync($"permissions/{servers.VirtualHost}/orchestration",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return servers;
    }

    /// <summary>Crash-like: PostgreSQL stops without a checkpoint (every connection drops), then starts again.</summary>
    public static Task RestartPostgresAsync() => RunScriptAsync("restart-postgres");

    /// <summary>The node stops (every connection and channel drops), then starts again with its durable queues.</summary>
    public static Task RestartRabbitMqAsync() => RunScriptAsync("restart-rabbitmq");

    /// <summary>Every queue of this run's virtual host with the messages still in it (ready or unacknowledged).</summary>
    public async Task<List<(string Queue, long Messages)>> QueuesAsync()
    {
        using var management = Management();
        var queues = await management.GetFromJsonAsync<JsonArray>($"queues/{VirtualHost}");
        return queues!.Select(q => (q!["name"]!.ToString(), (q["messages_ready"]?.GetValue<long>() ?? 0) + (q["messages_unacknowledged"]?.GetValue<long>() ?? 0))).ToList();
    }

    public async Task DropAsync()
    {
        using var management = Management();
        await management.DeleteAsync($"vhosts/{VirtualHost}");
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static HttpClient Management()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ManagementPort}/api/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("orchestration:orchestration"u8.ToArray()));
        return client;
    }

    private static async Task RunScriptAsync(string action)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, Script), action])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Script} {action} failed (exit {process.ExitCode}); the fault suite needs its own servers (run as root, after 'deploy/local/infra.sh install').\n{await output}\n{await error}");
        }
    }
}
