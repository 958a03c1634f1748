using System.Net;
using Microsoft.Data.Sqlite;
using Orchestration.Testing.Hosting;

namespace Orchestration.Host.Tests;

/// <summary>The executable as a newcomer runs it: no configuration at all.</summary>
[Trait("Category", "Integration")]
public sealed class EmbeddedStartTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("orchestration-embedded-").FullName;

    [Fact]
    public async Task Starts_with_no_configuration_on_the_documented_loopback_port_and_keeps_its_data_in_the_data_folder()
    {
        await using var host = HostProcess.Start(_workingDirectory, new Dictionary<string, string>());

        using var ready = await host.WaitUntilReadyAsync(new Uri("http://127.0.0.1:5080"), TimeSpan.FromSeconds(60));

        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        host.AllOutput.Should().Contain("listening on http://127.0.0.1:5080").And.Contain("/scalar");
        var database = Path.Combine(_workingDirectory, "data", "orchestration.db");
        File.Exists(database).Should().BeTrue();
        File.Exists(Path.Combine(_workingDirectory, "data", "signing-key")).Should().BeTrue();
        Tables(database).Should().Contain(["access_Accounts", "access_ApiKeys", "workflows_WorkflowDefinitions"]);
    }

    [Fact]
    public async Task The_migrate_command_creates_the_schema_and_exits()
    {
        await using var host = HostProcess.Start(_workingDirectory, new Dictionary<string, string>(), "migrate");

        (await host.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, host.AllOutput);

        host.StandardOutput.Should().Contain("Migrations applied.");
        Tables(Path.Combine(_workingDirectory, "data", "orchestration.db"))
            .Should().Contain(["access_migrations_history", "workflows_migrations_history"]);
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    private static List<string> Tables(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
