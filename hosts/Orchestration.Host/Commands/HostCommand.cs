using Microsoft.EntityFrameworkCore;
using Orchestration.Access;
using Orchestration.Access.Endpoints;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security;
using Security = Orchestration.ServiceDefaults.Security;

namespace Orchestration.Host.Commands;

/// <summary>The command line: a command word first (optional), its own options, then host configuration arguments.</summary>
internal sealed record HostCommand(string Name, string[] HostArgs, string? KeyName, IReadOnlyList<string> RoleNames, string? District)
{
    public const string Demo = "demo";
    public const string Run = "run";
    public const string Migrate = "migrate";
    public const string CreateApiKey = "create-api-key";
    public const string Help = "help";

    public const string Usage = """
        usage: Orchestration.Host [run] [--Setting=value ...]
               Orchestration.Host migrate [--Setting=value ...]
               Orchestration.Host create-api-key --name NAME --role ROLE [--role ROLE ...] [--district DISTRICT] [--Setting=value ...]
               Orchestration.Host demo [--referrals N] [--exit] [--Setting=value ...]   (embedded profile: see README "The demo")
        Settings (also as environment variables with "__" for ":"): Orchestration:Profile=Embedded|Production,
        ConnectionStrings:Orchestration, ConnectionStrings:RabbitMq, Auth:SigningKey, Modules:<Name>=true|false, Urls.
        """;

    /// <summary>The demo's own options (<see cref="Demo"/> only).</summary>
    public Demo.DemoSettings? DemoSettings { get; init; }

    public static HostCommand Parse(string[] args)
    {
        var name = args is [var first, ..] && !first.StartsWith('-') ? first.ToLowerInvariant() : Run;
        var rest = name == Run && (args.Length == 0 || args[0].StartsWith('-')) ? args : args[1..];
        if (name is "--help" or "-h")
        {
            name = Help;
        }

        if (name is not (Run or Migrate or CreateApiKey or Help or Demo))
        {
            throw new HostConfigurationException("command", $"unknown command '{name}'.");
        }

        if (name == Demo)
        {
            return new HostCommand(name, rest, null, [], null) { DemoSettings = Host.Demo.DemoSettings.Parse(rest, out var demoHostArgs), HostArgs = demoHostArgs };
        }

        if (name != CreateApiKey)
        {
            return new HostCommand(name, rest, null, [], null);
        }

        string? keyName = null, district = null;
        var roles = new List<string>();
        var hostArgs = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            string Value() => i + 1 < rest.Length ? rest[++i] : throw new HostConfigurationException(rest[i], "needs a value.");
            switch (rest[i])
            {
                case "--name": keyName = Value(); break;
                case "--district": district = Value(); break;
                case "--role":
                    var role = Value();
                    roles.Add(Security.Roles.Normalize(role) ?? throw new HostConfigurationException("--role",
                        $"unknown role '{role}'; use one of {string.Join(", ", Security.Roles.All)}."));
                    break;
                default: hostArgs.Add(rest[i]); break;
            }
        }

        if (string.IsNullOrWhiteSpace(keyName) || roles.Count == 0)
        {
            throw new HostConfigurationException(CreateApiKey, "needs --name and at least one --role.");
        }

        return new HostCommand(name, [.. hostArgs], keyName, roles, district);
    }

    public async Task<int> ExecuteAsync(WebApplication app)
    {
        switch (Name)
        {
            case Migrate:
                await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
                Console.WriteLine("Migrations applied.");
                return 0;
            case CreateApiKey:
                return await CreateKeyAsync(app);
            default:
                await app.RunAsync();
                return 0;
        }
    }

    private async Task<int> CreateKeyAsync(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<HostSettings>();
        var migrator = app.Services.GetRequiredService<DatabaseMigrator>();
        if (settings.MigrateOnStart)
        {
            await migrator.MigrateAsync(CancellationToken.None);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var created = await AccessApi.CreateApiKeyAsync(db, KeyName!, [.. RoleNames], District?.Trim().ToLowerInvariant(),
            "command line", app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
        Console.WriteLine($"API key '{created.Name}' ({string.Join(", ", created.Roles)}) created; it is shown only this once:");
        Console.WriteLine(created.Key);
        return 0;
    }
}
