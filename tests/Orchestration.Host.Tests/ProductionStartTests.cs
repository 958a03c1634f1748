using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.Host.Tests;

/// <summary>The executable in the production profile against the real PostgreSQL and RabbitMQ of deploy/local.</summary>
[Trait("Category", "Integration")]
public sealed class ProductionStartTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Starts_against_postgres_and_rabbitmq_and_reports_both_ready()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var host = HostProcess.Start(Path.GetTempPath(), environment.Variables());
        var address = await host.WaitUntilReadyAsync(StartTimeout);
        using var client = new HttpClient { BaseAddress = address };

        using var ready = await client.GetAsync("/health/ready");

        var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        report.GetProperty("status").GetString().Should().Be("Healthy");
        var checks = report.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        checks.Should().Contain(new Dictionary<string, string?>
        {
            ["rabbitmq"] = "Healthy",
            ["masstransit-bus"] = "Healthy",
            ["database-access"] = "Healthy",
            ["database-workflows"] = "Healthy",
        });
    }

    [Fact]
    public async Task Two_hosts_start_at_once_on_the_same_database_and_broker()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var first = HostProcess.Start(Path.GetTempPath(), environment.Variables());
        await using var second = HostProcess.Start(Path.GetTempPath(), environment.Variables());

        await Task.WhenAll(first.WaitUntilReadyAsync(StartTimeout), second.WaitUntilReadyAsync(StartTimeout));

        // Each host logs "Applying N migration(s) to <schema>" for what it found pending once it held the lock, and
        // "Schema <schema> is up to date" for every schema it checked.
        var firstApplied = SchemasMigratedBy(first);
        var secondApplied = SchemasMigratedBy(second);
        var checkedByFirst = SchemasUpToDate(first);
        checkedByFirst.Should().Contain(["access", "workflows"]).And.BeEquivalentTo(SchemasUpToDate(second), "both hosts checked every schema");
        new[] { firstApplied, secondApplied }.Should().ContainSingle(applied => applied.Count > 0, "exactly one host applies the migrations")
            .Which.Should().BeEquivalentTo(checkedByFirst, "and it migrated every schema of the fresh database");
    }

    [Fact]
    public async Task An_api_key_made_by_the_command_line_opens_the_running_host()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        var key = await environment.CreateApiKeyAsync("admin");

        await using var host = HostProcess.Start(Path.GetTempPath(), environment.Variables());
        using var client = new HttpClient { BaseAddress = await host.WaitUntilReadyAsync(StartTimeout) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);

        var me = JsonDocument.Parse(await client.GetStringAsync("/api/access/me")).RootElement;
        me.GetProperty("name").GetString().Should().Be("test-admin");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("Admin");
        host.AllOutput.Should().NotContain(key, "a credential never reaches the log");
    }

    private static List<string> SchemasMigratedBy(HostProcess host) =>
        MigratorEvents(host).Where(e => e.TryGetProperty("Count", out _)).Select(e => e.GetProperty("Schema").GetString()!).ToList();

    private static List<string> SchemasUpToDate(HostProcess host) =>
        MigratorEvents(host).Where(e => e.TryGetProperty("ElapsedMs", out _)).Select(e => e.GetProperty("Schema").GetString()!).ToList();

    /// <summary>The migrator's log events from the host's compact JSON console output (the production log format).</summary>
    private static List<JsonElement> MigratorEvents(HostProcess host) =>
        host.StandardOutput.Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("SourceContext", out var source) && source.GetString() == typeof(DatabaseMigrator).FullName)
            .ToList();
}
