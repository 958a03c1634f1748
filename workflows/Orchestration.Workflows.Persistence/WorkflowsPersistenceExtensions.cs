using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.Validation;

namespace Orchestration.Workflows.Persistence;

public static class WorkflowsPersistenceExtensions
{
    /// <summary>The engine, its stores and the timer sweep; the instance lock follows the database (advisory lock on PostgreSQL).</summary>
    public static IServiceCollection AddWorkflowsPersistence(this IServiceCollection services)
    {
        services.AddModuleDbContext<WorkflowsDbContext, WorkflowsSqliteDbContext, WorkflowsPostgresDbContext>(WorkflowsDbContext.SchemaName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var registry = ActivityRegistry.CreateDefault();
            foreach (var contribution in sp.GetServices<ActivityContribution>())
            {
                contribution.AddTo(registry);
            }

            return registry;
        });
        // Messages the workflows send (commands) leave through their own outbox, committed with the burst.
        services.AddModuleOutbox<WorkflowsDbContext>();
        services.TryAddSingleton(new WorkflowEngineSettings());
        services.AddSingleton(sp => ExpressionEvaluators.CreateDefault(sp.GetRequiredService<WorkflowEngineSettings>().JavaScript,
            sp.GetRequiredService<WorkflowEngineSettings>().Liquid));
        services.AddSingleton<IWorkflowTextOutput, LoggingTextOutput>();
        services.AddSingleton(sp => new WorkflowRunner(sp.GetRequiredService<ActivityRegistry>(), sp.GetRequiredService<ExpressionEvaluators>(),
            new WorkflowRunnerOptions
            {
                Time = sp.GetRequiredService<TimeProvider>(),
                TextOutput = sp.GetRequiredService<IWorkflowTextOutput>(),
                Definitions = new StoredDefinitionResolver(sp.GetRequiredService<IServiceScopeFactory>()),
                MaxCallDepth = sp.GetRequiredService<WorkflowEngineSettings>().MaxCallDepth,
                DefaultFlowchartExecutionMode = sp.GetRequiredService<WorkflowEngineSettings>().DefaultFlowchartExecutionMode,
                BurstLimits = BurstLimitsOf(sp.GetRequiredService<IOptions<WorkflowRuntimeOptions>>().Value),
            }));
        services.AddSingleton<WorkflowValidator>();
        services.AddSingleton<IWorkflowInstanceLock>(sp => sp.GetRequiredService<HostSettings>().DatabaseProvider == DatabaseProvider.PostgreSql
            ? new PostgresInstanceLock(sp.GetRequiredService<HostSettings>().DatabaseConnectionString, sp.GetRequiredService<ILogger<PostgresInstanceLock>>())
            : new InProcessInstanceLock());
        services.TryAddSingleton(ProtectedEventNames.None);
        services.TryAddSingleton<AwaitedEventNames>();
        services.AddScoped<WorkflowDefinitionService>();
        services.AddScoped<WorkflowRuntime>();
        services.AddSingleton<ITimerScheduler, HangfireTimerScheduler>();
        services.AddScoped<WorkflowTimerJob>();
        services.AddHostedService<WorkflowActivityRegistration>();
        services.AddHostedService<WorkflowTimerSweep>();
        services.AddScoped<WorkflowTriggerJob>();
        services.AddHostedService<WorkflowTriggerSweep>();
        services.AddOptions<WorkflowRuntimeOptions>();
        services.AddSingleton<PendingStimulusProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<PendingStimulusProcessor>());
        services.AddScoped<WorkflowRetention>();
        services.AddScoped<WorkflowRetentionJob>();
        services.AddSingleton<IDatabaseStartupTask, WorkflowRetentionJob.Registration>();
        services.AddHealthChecks().AddCheck<StuckInstancesHealthCheck>(StuckInstancesHealthCheck.Name, HealthStatus.Degraded, [HealthTags.Ready]);
        services.AddSingleton<FollowUpProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowUpProcessor>());
        return services;
    }

    private static BurstLimits BurstLimitsOf(WorkflowRuntimeOptions options) => new()
    {
        MaxActivitiesPerBurst = options.MaxActivitiesPerBurst,
        MaxBurstDuration = options.MaxBurstDuration,
        MaxActivitiesPerRun = options.MaxActivitiesPerRun,
    };
}
