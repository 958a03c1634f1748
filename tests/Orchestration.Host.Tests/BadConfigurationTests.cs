using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Orchestration.Access;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.Host.Tests;

/// <summary>A host with a bad setting exits non-zero with one line that names the setting, never a stack trace.</summary>
[Trait("Category", "Integration")]
public sealed class BadConfigurationTests
{
    private const string ValidPostgres = "Host=127.0.0.1;Database=x;Username=x;Password=x";
    private const string ValidRabbit = "amqp://x:y@127.0.0.1:5672/x";
    private const string Key = ProductionEnvironment.SigningKey;

    public static TheoryData<string, string[], string> Cases() => new()
    {
        { "unknown profile", ["Orchestration__Profile=Cloud"], "Orchestration:Profile: unknown profile 'Cloud'" },
        { "unknown module", ["Modules__Payroll=true"], "Modules:Payroll: unknown module 'Payroll'" },
        { "module switch not a boolean", ["Modules__Jobbtorg=maybe"], "Modules:Jobbtorg: 'maybe' is not a boolean" },
        { "embedded on a public address", ["Urls=http://0.0.0.0:5999"], "Urls: the embedded profile listens on loopback only" },
        {
            "malformed connection string",
            ["Orchestration__Profile=Production", "ConnectionStrings__Orchestration=Host=db;Colour=blue", $"ConnectionStrings__RabbitMq={ValidRabbit}", $"Auth__SigningKey={Key}"],
            "ConnectionStrings:Orchestration: malformed PostgreSQL connection string"
        },
        {
            "missing RabbitMQ",
            ["Orchestration__Profile=Production", $"ConnectionStrings__Orchestration={ValidPostgres}", $"Auth__SigningKey={Key}"],
            "ConnectionStrings:RabbitMq: the production profile needs a RabbitMQ URI"
        },
        {
            "production without a signing key",
            ["Orchestration__Profile=Production", $"ConnectionStrings__Orchestration={ValidPostgres}", $"ConnectionStrings__RabbitMq={ValidRabbit}"],
            "Auth:SigningKey: the production profile needs a secret"
        },
        {
            "production with the documented local accounts",
            ["Orchestration__Profile=Production", $"ConnectionStrings__Orchestration={ValidPostgres}", $"ConnectionStrings__RabbitMq={ValidRabbit}", $"Auth__SigningKey={Key}", "Auth__SeedLocalAccounts=true"],
            "Auth:SeedLocalAccounts: the production profile refuses the documented local accounts"
        },
        {
            "unreachable database",
            ["Orchestration__Profile=Production", $"ConnectionStrings__Orchestration=Host=127.0.0.1;Port={FreePort.Next()};Database=x;Username=x;Password=x;Timeout=3", $"ConnectionStrings__RabbitMq={ValidRabbit}", $"Auth__SigningKey={Key}"],
            "ConnectionStrings:Orchestration: cannot"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Exits_non_zero_with_one_line_naming_the_setting(string situation, string[] settings, string expected)
    {
        var environment = settings.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        await using var host = HostProcess.Start(Path.GetTempPath(), environment, $"--Orchestration:DataFolder={TempDataFolder()}");

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().Be(2, situation);
        host.StandardError.Should().ContainSingle().Which.Should().StartWith("Configuration error: " + expected);
        host.AllOutput.Should().NotMatchRegex(@"(?m)^\s+at ", "no stack trace");
    }

    [Fact]
    public async Task An_unknown_command_prints_usage_and_exits_non_zero()
    {
        await using var host = HostProcess.Start(Path.GetTempPath(), new Dictionary<string, string>(), "serve");

        (await host.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(2);

        host.StandardError.First().Should().Be("error: command: unknown command 'serve'.");
        host.StandardError.Should().Contain(l => l.StartsWith("usage: Orchestration.Host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_refuses_to_start_while_a_documented_password_still_works()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using (var migrate = HostProcess.Start(Path.GetTempPath(), environment.Variables(), "migrate"))
        {
            (await migrate.WaitForExitAsync(TimeSpan.FromSeconds(90))).Should().Be(0, migrate.AllOutput);
        }

        await AddAccountWithDocumentedPasswordAsync(environment.Database.ConnectionString, "admin");

        await using var host = HostProcess.Start(Path.GetTempPath(), environment.Variables());
        (await host.WaitForExitAsync(TimeSpan.FromSeconds(90))).Should().Be(2);
        host.StandardError.Should().ContainSingle().Which.Should()
            .Be("Configuration error: Auth: account 'admin' still has its documented local password; the production profile will not start until it is changed or disabled.");
    }

    private static async Task AddAccountWithDocumentedPasswordAsync(string connectionString, string userName)
    {
        var builder = new DbContextOptionsBuilder<AccessPostgresDbContext>();
        PersistenceServiceCollectionExtensions.Configure(builder, DatabaseProvider.PostgreSql, connectionString, AccessDbContext.SchemaName);
        await using var db = new AccessPostgresDbContext(builder.Options);
        var local = LocalAccounts.All.Single(a => a.UserName == userName);
        db.Accounts.Add(Account.Create(local.UserName, local.Password, [local.Role], null, DateTimeOffset.UnixEpoch, new PasswordHasher<Account>()));
        await db.SaveChangesAsync();
    }

    private static string TempDataFolder() => Path.Combine(Path.GetTempPath(), "orchestration-tests", Guid.NewGuid().ToString("N"));
}
