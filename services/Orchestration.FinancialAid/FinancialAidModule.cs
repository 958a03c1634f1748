using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestration.Contracts.FinancialAid.Commands;
using Orchestration.FinancialAid.CaseTimeline;
using Orchestration.FinancialAid.Consumers;
using Orchestration.FinancialAid.Endpoints.Applications;
using Orchestration.FinancialAid.Endpoints.Cases;
using Orchestration.FinancialAid.Endpoints.Closure;
using Orchestration.FinancialAid.Endpoints.CodeLists;
using Orchestration.FinancialAid.Endpoints.Consents;
using Orchestration.FinancialAid.Endpoints.Decisions;
using Orchestration.FinancialAid.Endpoints.Instruments;
using Orchestration.FinancialAid.Endpoints.Responsibility;
using Orchestration.FinancialAid.Options;
using Orchestration.FinancialAid.Persistence;
using Orchestration.FinancialAid.Statistics;
using Orchestration.ServiceDefaults.CaseTimeline;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security;
using Orchestration.ServiceDefaults.Statistics;

namespace Orchestration.FinancialAid;

/// <summary>Financial aid: applications, initial mapping parts 1 and 3, support obstacles, aid decisions, FIA social/health part, consents.</summary>
public static class FinancialAidModule
{
    public const string Name = "FinancialAid";
    public const string RoutePrefix = "/api/financial-aid";

    public static IServiceCollection AddFinancialAid(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FinancialAidOptions>().Bind(configuration.GetSection(FinancialAidOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FinancialAidOptions>, FinancialAidOptionsValidator>();
        services.AddModuleDbContext<FinancialAidDbContext, FinancialAidSqliteDbContext, FinancialAidPostgresDbContext>(FinancialAidDbContext.SchemaName);
        services.AddModuleOutbox<FinancialAidDbContext>();
        services.AddStatisticsSource<FinancialAidStatisticsSource>();
        services.AddCaseTimelineSource<FinancialAidCaseTimelineSource>();
        services.AddSingleton<IDatabaseStartupTask, CodeListSeeder>();
        services.AddModuleConsumers(bus =>
        {
            bus.AddCommandConsumer<ReceiveReReferralConsumer, ReceiveReReferral, FinancialAidDbContext>();
            bus.AddCommandConsumer<CloseCaseConsumer, CloseCase, FinancialAidDbContext>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapFinancialAid(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.FinancialAidCaseworker);
        // Health and social parts: also Jobbtorg coaches, with the individual's consent (checked per request).
        var shared = endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.SharedCaseReader);
        group.MapModuleStatus(Name);
        group.MapPost("/applications", RegisterApplication.Handle)
            .WithSummary("Registers an application for financial aid in the caller's district; starts the referral process.");
        group.MapGet("/applications", ListApplications.Handle).WithSummary("The caller's district's referrals, newest first (skip, take ≤ 200).");
        group.MapGet("/applications/{id:guid}", GetApplication.Handle).WithSummary("One application of the caller's district.");
        group.MapGet("/applications/{id:guid}/overview", GetCaseOverview.Handle)
            .WithSummary("Where the referral stands: steps done, current support obstacle, route and aid decisions, re-referrals awaiting a decision.");

        InstrumentRoutes.Map<MappingPart1Answers>(group, shared, "initial mapping part 1 (first phone contact)");
        InstrumentRoutes.Map<TargetGroupScreeningAnswers>(group, shared, "the target-group screening");
        InstrumentRoutes.Map<MappingPart3Answers>(group, shared, "initial mapping part 3 (health and social situation, at the new visit)");
        InstrumentRoutes.Map<FiaSocialPartAnswers>(group, shared, "the FIA social situation and health part");

        group.MapPost("/applications/{id:guid}/support-obstacles", RecordSupportObstacle.Handle)
            .WithSummary("Records the support obstacle (after mapping part 3); the latest is current.");
        group.MapPost("/applications/{id:guid}/route-decisions", DecideRoute.Handle)
            .WithSummary("Decides one or more parallel routes with a reason and the individual's own view (after the support obstacle); FINSAM needs a valid consent; answers waiting re-referrals.");
        group.MapPost("/applications/{id:guid}/aid-decisions", MakeAidDecision.Handle).WithSummary("Records an aid decision with its validity period.");
        group.MapPost("/applications/{id:guid}/fia-job-part-requests", RequestFiaJobPart.Handle)
            .WithSummary("Asks Jobbtorg for the FIA education and job-seeking part, at any time while the case is open (FiaJobPartRequested).");
        group.MapPost("/applications/{id:guid}/closure", CloseApplication.Handle)
            .WithSummary("Closes the case with an outcome (DOMAIN.md §9) and a note (CaseClosed); a closed case refuses every further change with 409.");
        group.MapGet("/code-lists", ListCodeLists.Handle)
            .WithSummary("The active codes answers are checked against, with Swedish labels: target groups, FIA areas, other routes, closure outcomes, the aid decision cap.");
        MapCodeListEditing(endpoints);
        endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.CaseResponsibilityAssigner)
            .MapPut("/applications/{id:guid}/responsible", AssignResponsible.Handle)
            .WithSummary("Makes another social secretary (account user name) responsible for the case; its follow-ups and reminders move to them.");
        group.MapGet("/applications/{id:guid}/consents", ListConsents.Handle).WithSummary("The individual's consents, with whether each is valid today.");
        group.MapPost("/applications/{id:guid}/consents", RecordConsent.Handle)
            .WithSummary("Records a consent (share with Jobbtorg, refer to FINSAM): how it was given, from when, until when.");
        group.MapPost("/applications/{id:guid}/consents/{consentId:guid}/withdrawal", WithdrawConsent.Handle)
            .WithSummary("Withdraws a consent from now on.");
        return endpoints;
    }

    /// <summary>The process owner's edits; answers and decisions read them on their next request, without a restart.</summary>
    private static void MapCodeListEditing(IEndpointRouteBuilder endpoints)
    {
        var owner = endpoints.MapGroup($"{RoutePrefix}/code-lists").WithTags(Name).RequireAuthorization(Policies.DesignWorkflows);
        owner.MapPut("/aid-decision-cap", SetAidDecisionCap.Handle).WithSummary("Sets the longest validity of an aid decision in days (1–3660).");
        var lists = owner.MapGroup($"/{{list:{CodeListRoutes.Constraint}}}");
        lists.MapGet("", ListAllCodes.Handle).WithSummary("Every code of a list, retired ones included.");
        lists.MapPost("", CreateCode.Handle).WithSummary("Adds a code with a Swedish label to a list.");
        lists.MapPut("/{code}", UpdateCode.Handle).WithSummary("Renames a code, changes its order, or retires or reactivates it.");
        lists.MapDelete("/{code}", RetireCode.Handle)
            .WithSummary("Retires a code (200 with the code): old records keep it, new answers cannot choose it; 409 for a list's last active code.");
    }
}
