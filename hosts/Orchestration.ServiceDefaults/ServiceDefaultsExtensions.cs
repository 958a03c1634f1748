using System.Text.Json;
using System.Text.Json.Serialization;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Observability;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security;
using Scalar.AspNetCore;
using Serilog;

namespace Orchestration.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>The largest request body any endpoint takes (413 beyond); single endpoints may set less.</summary>
    public const long MaxRequestBodyBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Everything a host needs before its modules: validated settings for the chosen profile, logging, telemetry,
    /// ProblemDetails, OpenAPI, health checks, authentication, migrations at start and Hangfire. Call
    /// <see cref="AddMessageBus"/> after the modules have added their consumers.
    /// </summary>
    public static HostSettings AddServiceDefaults(this WebApplicationBuilder builder)
    {
        var settings = HostSettingsReader.Read(builder.Configuration, builder.Environment.ContentRootPath);
        var services = builder.Services;
        services.AddSingleton(settings);

        if (string.IsNullOrWhiteSpace(builder.Configuration[SettingNames.Urls]))
        {
            builder.WebHost.UseUrls(settings.IsEmbedded ? SettingNames.EmbeddedDefaultUrl : SettingNames.ProductionDefaultUrl);
        }

        // No "Server: Kestrel": nothing to gain from telling a prober what serves the API. Bodies are capped well
        // below Kestrel's 30 MB: the largest legitimate one, a workflow of thousands of activities, is under 2 MB.
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        builder.AddStructuredLogging(settings);
        builder.AddTelemetry();
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<OpenApiDocumentInfo>();
            o.CreateSchemaReferenceId = OpenApiSchemaIds.Create;
        });
        services.AddHealthChecks();

        // First hosted service: the schema must be up to date before anything else starts.
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService<DatabaseInitializer>();

        services.AddOrchestrationSecurity(builder.Configuration, settings);
        services.AddScheduling(settings);
        return settings;
    }

    /// <summary>The host's one bus, with every consumer the modules registered through AddModuleConsumers.</summary>
    public static void AddMessageBus(this WebApplicationBuilder builder, HostSettings settings) =>
        builder.Services.AddMessageBus(settings);

    /// <summary>Middleware and the endpoints every host serves: health, OpenAPI + Scalar, error queues and the Hangfire dashboard.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Outside the exception handler, so a request is logged with the status the client got: a malformed body is
        // a 400 at Information, not a "500" with the stack trace of the exception that became the 400.
        app.UseSerilogRequestLogging(o =>
        {
            // This host's logger, not the static one: several hosts in one process (tests) would log into each other's sinks.
            o.Logger = app.Services.GetService<Serilog.ILogger>();
            o.GetLevel = (context, _, ex) =>
                ex is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? Serilog.Events.LogEventLevel.Verbose
                : Serilog.Events.LogEventLevel.Information;
        });
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRoutingRejections();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = WriteHealthReport,
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("Orchestration API")).AllowAnonymous();
        app.MapErrorQueuesApi();
        app.MapAdminHangfireDashboard();

        app.Lifetime.ApplicationStarted.Register(() => AnnounceUrls(app));
        return app;
    }

    private static void AddScheduling(this IServiceCollection services, HostSettings settings)
    {
        services.AddHangfire((sp, config) =>
        {
            config.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (settings.IsEmbedded)
            {
                // Deadlines live in our own tables; the embedded profile rebuilds its jobs from them at start.
                config.UseInMemoryStorage();
            }
            else
            {
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(settings.DatabaseConnectionString),
                    // The migrator installs the schema under its lock; Hangfire's own install races between hosts.
                    new PostgreSqlStorageOptions { SchemaName = DatabaseMigrator.HangfireSchema, PrepareSchemaIfNecessary = false });
            }
        });
        services.AddHangfireServer(o => o.WorkerCount = Math.Clamp(Environment.ProcessorCount * 2, 2, 8));
    }

    private static Task WriteHealthReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            totalMs = (long)report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                ms = (long)e.Value.Duration.TotalMilliseconds,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static void AnnounceUrls(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var settings = app.Services.GetRequiredService<HostSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orchestration.Host");
        foreach (var address in addresses)
        {
            logger.LogInformation(
                "Orchestration ({Profile}) listening on {Address} - health {Address}/health/ready, API reference {Address}/scalar, OpenAPI {Address}/openapi/v1.json",
                settings.Profile, address, address, address, address);
        }
    }
}
