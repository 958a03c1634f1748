using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.Jobbtorg.Commands;
using Orchestration.Jobbtorg.CaseTimeline;
using Orchestration.Jobbtorg.Consumers;
using Orchestration.Jobbtorg.Endpoints.CodeLists;
using Orchestration.Jobbtorg.Endpoints.Interventions;
using Orchestration.Jobbtorg.Endpoints.Referrals;
using Orchestration.Jobbtorg.Endpoints.ReReferrals;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.Jobbtorg.Statistics;
using Orchestration.ServiceDefaults.CaseTimeline;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security;
using Orchestration.ServiceDefaults.Statistics;

namespace Orchestration.Jobbtorg;

/// <summary>Jobbtorg: referrals received, intake (mapping part 2), FIA education/job part, Jobbtorg interventions, re-referrals, Jobbtorg Resurs, closure.</summary>
public static class JobbtorgModule
{
    public const string Name = "Jobbtorg";
    public const string RoutePrefix = "/api/jobbtorg";

    public static IServiceCollection AddJobbtorg(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<JobbtorgDbContext, JobbtorgSqliteDbContext, JobbtorgPostgresDbContext>(JobbtorgDbContext.SchemaName);
        services.AddModuleOutbox<JobbtorgDbContext>();
        services.AddStatisticsSource<JobbtorgStatisticsSource>();
        services.AddCaseTimelineSource<JobbtorgCaseTimelineSource>();
        services.AddModuleConsumers(bus =>
        {
            bus.AddCommandConsumer<IssueJobbtorgReferralConsumer, IssueJobbtorgReferral, JobbtorgDbContext>();
            bus.AddCommandConsumer<RequestFiaJobPartConsumer, RequestFiaJobPart, JobbtorgDbContext>();
            bus.AddCommandConsumer<CloseJobbtorgReferralConsumer, CloseJobbtorgReferral, JobbtorgDbContext>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapJobbtorg(this IEndpointRouteBuilder endpoints)
    {
        // Jobbtorg Stockholm is one city-wide administration: a coach works on referrals from every district.
        var coach = endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.JobbtorgCaseworker);
        coach.MapModuleStatus(Name);
        coach.MapGet("/referrals", ListReferrals.Handle)
            .WithSummary($"Referrals from every district, newest first (at most {ListReferrals.MaxCount}); filter by status, unit, district, referral id or fiaRequested.");
        coach.MapGet("/referrals/{id:guid}", GetReferral.Handle).WithSummary("One Jobbtorg referral with everything recorded on it.");
        coach.MapPost("/referrals/{id:guid}/intake", CompleteIntake.Handle)
            .WithSummary("Records the first visit with initial mapping part 2 (education, job seeking), once; JobbtorgIntakeCompleted.");
        coach.MapPost("/referrals/{id:guid}/fia-job-part", CompleteFiaJobPart.Handle)
            .WithSummary("Records the FIA education/job-seeking part after the intake, once; FiaJobPartCompleted.");
        coach.MapPost("/referrals/{id:guid}/resurs-intake", RecordResursIntake.Handle)
            .WithSummary("Jobbtorg Resurs takes in a Resurs referral with the planned transfer date (the district intervention overlaps until then); ResursIntakeCompleted.");
        coach.MapPost("/referrals/{id:guid}/interventions", BookIntervention.Handle)
            .WithSummary("Books a Jobbtorg intervention of a kind from the intervention-kinds list, after the intake.");
        coach.MapPost("/referrals/{id:guid}/interventions/{interventionId:guid}/start", StartIntervention.Handle)
            .WithSummary("Starts a booked Jobbtorg intervention; JobbtorgInterventionStarted.");
        coach.MapPost("/referrals/{id:guid}/interventions/{interventionId:guid}/end", EndIntervention.Handle)
            .WithSummary("Ends a running Jobbtorg intervention, completed or broken off; JobbtorgInterventionEnded.");
        coach.MapPost("/referrals/{id:guid}/re-referral", ReReferToDistrict.Handle)
            .WithSummary("Re-refers the person to the district (återremittering) with a reason from the list; closes the referral; ReReferredToDistrict without the reason.");
        coach.MapPost("/referrals/{id:guid}/close", CloseReferral.Handle)
            .WithSummary("Closes the referral with an outcome (DOMAIN.md §9: work, studies, moved, lost contact …) once its interventions have ended; JobbtorgReferralClosed.");
        coach.MapGet($"/{{list:{CodeListRoutes.Constraint}}}", ListActiveCodes.Handle)
            .WithSummary("The active codes of a list (intervention-kinds or re-referral-reasons) to choose from.");

        // The reason crosses the administrations the other way: SharedCaseReader has exactly the roles (coaches, social secretaries).
        var readers = endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.SharedCaseReader);
        readers.MapGet("/re-referrals/{id:guid}", GetReReferral.Handle)
            .WithSummary("A re-referral with its reason: any for a Jobbtorg coach, those of their own district for a social secretary.");

        var lists = endpoints.MapGroup($"{RoutePrefix}/code-lists/{{list:{CodeListRoutes.Constraint}}}").WithTags(Name)
            .RequireAuthorization(Policies.DesignWorkflows);
        lists.MapGet("", ListAllCodes.Handle).WithSummary("Every code of a list, deactivated ones included.");
        lists.MapPost("", CreateCode.Handle).WithSummary("Adds a code to a list.");
        lists.MapPut("/{code}", UpdateCode.Handle).WithSummary("Changes a code's label, order, free-text rule or active flag.");
        lists.MapDelete("/{code}", RemoveCode.Handle)
            .WithSummary("Removes an unused code (204); a code some record carries is deactivated instead (200 with the code).");
        return endpoints;
    }
}
