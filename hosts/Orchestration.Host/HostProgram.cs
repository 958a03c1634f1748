using System.Net.Sockets;
using Npgsql;
using Orchestration.Access;
using Orchestration.Host.Commands;
using Orchestration.Host.Demo;
using Orchestration.Host.Modules;
using Orchestration.ServiceDefaults;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.Host;

/// <summary>
/// Builds the host from configuration and runs a command: the server (default), <c>migrate</c>,
/// <c>create-api-key</c> or <c>demo</c>. Any start-up failure ends in one line on stderr and a non-zero exit code.
/// </summary>
internal static class HostProgram
{
    public const int ConfigurationError = 2;
    public const int Failure = 1;

    public static async Task<int> RunAsync(string[] args)
    {
        HostCommand command;
        try
        {
            command = HostCommand.Parse(args);
        }
        catch (HostConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            await Console.Error.WriteLineAsync(HostCommand.Usage);
            return ConfigurationError;
        }

        if (command.Name == HostCommand.Help)
        {
            Console.WriteLine(HostCommand.Usage);
            return 0;
        }

        try
        {
            if (command.Name == HostCommand.Demo)
            {
                return await DemoCommand.RunAsync(command.DemoSettings!, command.HostArgs);
            }

            var app = Build(command.HostArgs);
            return await command.ExecuteAsync(app);
        }
        catch (HostAbortedException)
        {
            // WebApplicationFactory stops the program this way once it has the host it wants.
            throw;
        }
        catch (Exception ex)
        {
            var (code, message) = Describe(ex);
            await Console.Error.WriteLineAsync(message);
            return code;
        }
    }

    /// <param name="configureServices">Runs before the defaults, so what it registers wins (tests give a host its own clock).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configureServices?.Invoke(builder.Services);
        var settings = builder.AddServiceDefaults();
        builder.Services.AddAccess(builder.Configuration, settings);
        var modules = ModuleCatalog.Enabled(builder.Configuration);
        foreach (var module in modules)
        {
            module.Add(builder.Services, builder.Configuration);
        }

        builder.AddMessageBus(settings);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapAccess();
        foreach (var module in modules)
        {
            module.Map(app);
        }

        app.Logger.LogInformation("Profile {Profile}, modules: {Modules}", settings.Profile,
            modules.Count == 0 ? "none" : string.Join(", ", modules.Select(m => m.Name)));
        return app;
    }

    /// <summary>One line naming the setting at fault where we can tell which it is.</summary>
    internal static (int Code, string Message) Describe(Exception ex)
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case HostConfigurationException config:
                    return (ConfigurationError, $"Configuration error: {config.Message}");
                case NpgsqlException or SocketException when !IsRabbitMq(ex):
                    return (ConfigurationError,
                        $"Configuration error: {SettingNames.Database}: cannot reach PostgreSQL ({current.GetBaseException().Message}).");
            }
        }

        return (Failure, $"The host failed to start: {ex.GetType().Name}: {ex.Message}");
    }

    private static bool IsRabbitMq(Exception ex) => ex.ToString().Contains("RabbitMQ", StringComparison.Ordinal);
}
