using Hangfire;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.CaseTimeline;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Workflows.Api.CaseTimeline;
using Orchestration.Workflows.Api.Consumers;
using Orchestration.Workflows.Api.Definitions;
using Orchestration.Workflows.Api.Endpoints;
using Orchestration.Workflows.Api.Options;
using Orchestration.Workflows.Api.Studio;
using Orchestration.Workflows.Messaging.Activities;
using Orchestration.Workflows.Messaging.Contracts;
using Orchestration.Workflows.Persistence;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Api;

/// <summary>The workflow engine and its Elsa-3-compatible API under /elsa/api (ELSA-API.md).</summary>
public static class WorkflowsModule
{
    public const string RoutePrefix = "/elsa/api";

    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(WorkflowEngineSettingsReader.Read(configuration));
        // Event contracts are facts their owning service states; the workflows' HTTP API and PublishEvent may not.
        services.AddSingleton(new ProtectedEventNames(MessageContractCatalog.All.Where(c => c.Kind == MessageKind.Event).Select(c => c.Name)));
        services.AddWorkflowsPersistence();
        services.AddCaseTimelineSource<WorkflowsCaseTimelineSource>();
        services.Configure<WorkflowRuntimeOptions>(configuration.GetSection(WorkflowRuntimeOptions.Section));
        // The retention job's queue: only workflow nodes listen on it (see WorkflowRetentionJob).
        services.AddHangfireServer(o =>
        {
            o.ServerName = $"{Environment.MachineName}:workflows:{Guid.NewGuid():N}";
            o.Queues = [WorkflowRetentionJob.Queue];
            o.WorkerCount = 1;
        });
        services.AddSingleton<StudioAssets>();
        // Every command contract becomes a "Send X" activity (the messaging bridge, outbound).
        services.AddSingleton(new ActivityContribution(MessageActivityDescriptors.AddTo));
        if (HostSettingsReader.ReadBool(configuration, "Workflows:SeedDefinitions", defaultValue: true))
        {
            services.AddSingleton<IDatabaseStartupTask, ProcessDefinitionSeeder>();
        }
        // Every event contract reaches the workflows as an event of the same name (the messaging bridge, inbound).
        services.AddModuleConsumers(bus =>
        {
            foreach (var contract in MessageContractCatalog.All.Where(c => c.Kind == MessageKind.Event))
            {
                // A queue of its own: by the default name ("case-closed") it would be shared with a service's consumer
                // of the same event (CaseClosedConsumer), and each message would reach only one of them.
                bus.AddConsumer(typeof(WorkflowEventConsumer<>).MakeGenericType(contract.Type), null)
                    .Endpoint(e => e.Name = "workflows-" + KebabCaseEndpointNameFormatter.Instance.SanitizeName(contract.Name));
            }
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflows(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags("Workflows").RequireAuthorization(Policies.Authenticated)
            .AddEndpointFilter<ContentionFilter>();
        group.MapServerInfo();
        group.MapDescriptors();
        group.MapWorkflowDefinitions();
        group.MapWorkflowDefinitionsBulk();
        group.MapWorkflowInstances();
        group.MapActivityExecutions();
        group.MapEvents();
        group.MapRuntime();
        group.MapUnsupportedCalls();
        endpoints.MapStudioShell();
        return endpoints;
    }
}
