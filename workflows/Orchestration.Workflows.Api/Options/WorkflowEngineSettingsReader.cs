using Microsoft.Extensions.Configuration;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Expressions;

namespace Orchestration.Workflows.Api.Options;

/// <summary>
/// Reads <c>Workflows:JavaScript:*</c>, <c>Workflows:Liquid:*</c>, <c>Workflows:MaxCallDepth</c> and
/// <c>Workflows:Flowchart:DefaultExecutionMode</c>; a bad value stops the host naming the setting.
/// </summary>
public static class WorkflowEngineSettingsReader
{
    public static WorkflowEngineSettings Read(IConfiguration configuration)
    {
        var defaults = new WorkflowEngineSettings();
        var settings = new WorkflowEngineSettings
        {
            JavaScript = Bind(configuration, "Workflows:JavaScript", defaults.JavaScript),
            Liquid = Bind(configuration, "Workflows:Liquid", defaults.Liquid),
            MaxCallDepth = Bind(configuration, "Workflows:MaxCallDepth", defaults.MaxCallDepth),
            DefaultFlowchartExecutionMode = configuration["Workflows:Flowchart:DefaultExecutionMode"] ?? defaults.DefaultFlowchartExecutionMode,
        };
        Validate(settings);
        return settings;
    }

    private static T Bind<T>(IConfiguration configuration, string key, T fallback)
    {
        try
        {
            return typeof(T).IsValueType
                ? configuration.GetValue(key, fallback)!
                : configuration.GetSection(key).Get<T>() ?? fallback;
        }
        catch (InvalidOperationException ex)
        {
            throw new HostConfigurationException(key, ex.InnerException?.Message ?? ex.Message, ex);
        }
    }

    private static void Validate(WorkflowEngineSettings settings)
    {
        Positive("Workflows:JavaScript:Timeout", settings.JavaScript.Timeout > TimeSpan.Zero);
        Positive("Workflows:JavaScript:MemoryLimitBytes", settings.JavaScript.MemoryLimitBytes > 0);
        Positive("Workflows:JavaScript:MaxStatements", settings.JavaScript.MaxStatements > 0);
        Positive("Workflows:JavaScript:MaxRecursionDepth", settings.JavaScript.MaxRecursionDepth > 0);
        Positive("Workflows:JavaScript:MaxStringLength", settings.JavaScript.MaxStringLength > 0);
        Positive("Workflows:JavaScript:MaxArraySize", settings.JavaScript.MaxArraySize > 0);
        Positive("Workflows:Liquid:Timeout", settings.Liquid.Timeout > TimeSpan.Zero);
        Positive("Workflows:Liquid:MaxSteps", settings.Liquid.MaxSteps > 0);
        Positive("Workflows:Liquid:MaxRangeSize", settings.Liquid.MaxRangeSize > 0);
        Positive("Workflows:Liquid:MaxOutputLength", settings.Liquid.MaxOutputLength > 0);
        Positive("Workflows:Liquid:MaxRecursion", settings.Liquid.MaxRecursion > 0);
        Positive("Workflows:MaxCallDepth", settings.MaxCallDepth > 0);
        if (settings.DefaultFlowchartExecutionMode is not ("CounterBased" or "TokenBased"))
        {
            throw new HostConfigurationException("Workflows:Flowchart:DefaultExecutionMode",
                $"'{settings.DefaultFlowchartExecutionMode}' is not a flowchart mode; use CounterBased or TokenBased.");
        }
    }

    private static void Positive(string key, bool holds)
    {
        if (!holds)
        {
            throw new HostConfigurationException(key, "must be greater than zero.");
        }
    }
}
