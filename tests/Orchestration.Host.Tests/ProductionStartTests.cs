using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
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
        var port = FreePort.Next();
        await using var host = HostProcess.Start(Path.GetTempPath(), environment.Variables(port));

        using var ready = await host.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{port}"), StartTimeout);

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
        var ports = new[] { FreePort.Next(), FreePort.Next() };
        await using var first = HostProcess.Start(Path.GetTempPath(), environment.Variables(ports[0]));
        await using var second = HostProcess.Start(Path.GetTempPath(), environment.Variables(ports[1]));

        var both = await Task.WhenAll(
            first.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{ports[0]}"), StartTimeout),
            second.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{ports[1]}"), StartTimeout));

        both.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK, "the schema was migrated once, under EF Core's migration lock");
    }

    [Fact]
    public async Task An_api_key_made_by_the_command_line_opens_the_running_host()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        var port = FreePort.Next();
        var key = await environment.CreateApiKeyAsync("admin");

        await using var host = HostProcess.Start(Path.GetTempPath(), environment.Variables(port));
        await host.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{port}"), StartTimeout);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);

        var me = JsonDocument.Parse(await client.GetStringAsync("/api/access/me")).RootElement;
        me.GetProperty("name").GetString().Should().Be("test-admin");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("Admin");
        host.AllOutput.Should().NotContain(key, "a credential never reaches the log");
    }
}
