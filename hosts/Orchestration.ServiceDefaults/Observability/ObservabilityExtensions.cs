using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orchestration.ServiceDefaults.Hosting;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Orchestration.ServiceDefaults.Observability;

internal static class ObservabilityExtensions
{
    /// <summary>
    /// Structured logs through Serilog: readable lines when embedded, compact JSON in production. Levels and
    /// sinks can be overridden under "Serilog" in configuration. Bodies are never logged, only ids.
    /// </summary>
    public static void AddStructuredLogging(this WebApplicationBuilder builder, HostSettings settings)
    {
        var capture = new PrivacyCapture(builder.Configuration);
        builder.Services.AddSingleton(capture);
        builder.Services.AddSerilog((_, logger) =>
        {
            if (capture.LogFile is { } file)
            {
                logger.WriteTo.File(new RenderedCompactJsonFormatter(), file);
            }

            logger.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("MassTransit", LogEventLevel.Warning)
                .MinimumLevel.Override("Hangfire", LogEventLevel.Warning)
                // Nothing of ours uses data protection; its "keys not encrypted" warning is noise here.
                .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
                // A failed start is reported by the host in one line; the framework's copy would add a stack trace.
                .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
                .ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Profile", settings.Profile.ToString());
            if (settings.IsEmbedded)
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
    }

    /// <summary>Traces and metrics for ASP.NET Core, HTTP clients, MassTransit, Npgsql and our own code; OTLP export when configured.</summary>
    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("MassTransit")
                .AddSource(Telemetry.Name))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(Telemetry.Name));

        // The exporter is optional: set OTEL_EXPORTER_OTLP_ENDPOINT to send traces and metrics to a collector.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
    }
}
