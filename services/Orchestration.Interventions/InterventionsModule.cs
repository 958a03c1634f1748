using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.Interventions.Commands;
using Orchestration.Interventions.CaseTimeline;
using Orchestration.Interventions.Consumers;
using Orchestration.Interventions.Endpoints.Catalogue;
using Orchestration.Interventions.Endpoints.Referrals;
using Orchestration.Interventions.Options;
using Orchestration.Interventions.Persistence;
using Orchestration.Interventions.Statistics;
using Orchestration.ServiceDefaults.CaseTimeline;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security;
using Orchestration.ServiceDefaults.Statistics;

namespace Orchestration.Interventions;

/// <summary>District interventions: catalogue, intervention referrals, assignment and plans, follow-ups, readiness, closure.</summary>
public static class InterventionsModule
{
    public const string Name = "Interventions";
    public const string RoutePrefix = "/api/interventions";

    public static IServiceCollection AddInterventions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InterventionsOptions>()
            .Bind(configuration.GetSection(InterventionsOptions.Section))
            .Validate(o => o.Validate() is null, "Interventions:ReadinessItems: every item needs a unique Code and a Label.")
            .ValidateOnStart();
        services.AddModuleDbContext<InterventionsDbContext, InterventionsSqliteDbContext, InterventionsPostgresDbContext>(InterventionsDbContext.SchemaName);
        services.AddModuleOutbox<InterventionsDbContext>();
        services.AddStatisticsSource<InterventionsStatisticsSource>();
        services.AddCaseTimelineSource<InterventionsCaseTimelineSource>();
        services.AddSingleton<IDatabaseStartupTask, DemoCatalogueSeeder>();
        services.AddModuleConsumers(bus =>
        {
            bus.AddCommandConsumer<OpenInterventionReferralConsumer, OpenInterventionReferral, InterventionsDbContext>();
            bus.AddCommandConsumer<CloseInterventionReferralConsumer, CloseInterventionReferral, InterventionsDbContext>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapInterventions(this IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.InterventionStaff);
        staff.MapModuleStatus(Name);
        staff.MapGet("/readiness-items", ListReadinessItems.Handle)
            .WithSummary("The readiness checklist for Jobbtorg Resurs that a follow-up answers (examples from seed 002, editable in configuration).");

        var referrals = staff.MapGroup("/referrals");
        referrals.MapGet("", ListReferrals.Handle).WithSummary("The intervention referrals of the caller's district, newest first (filters: state, personId).");
        referrals.MapGet("/{id:guid}", GetReferral.Handle).WithSummary("One intervention referral with its place, assignment, plans, talks, follow-ups and warnings.");
        referrals.MapPut("/{id:guid}/intervention", ChooseIntervention.Handle)
            .WithSummary("Chooses an intervention (a place) from the catalogue; another district's only if open to other districts, price recorded.");
        referrals.MapPost("/{id:guid}/three-party-talks", RecordThreePartyTalk.Handle)
            .WithSummary("Records a three-party talk (trepartssamtal) of the individual, social secretary and work consultant: recommended, optional.");
        referrals.MapPut("/{id:guid}/assignment", WriteAssignment.Handle)
            .WithSummary("Writes the assignment: purpose, goals and sub-goals, tasks, expected result, the individual's own view. Required before start.");
        referrals.MapPut("/{id:guid}/work-plan", WritePlans.WriteWorkPlan).WithSummary("Writes the work plan (arbetsplan). Required before start.");
        referrals.MapPut("/{id:guid}/implementation-plan", WritePlans.WriteImplementationPlan)
            .WithSummary("Writes the implementation plan (genomförandeplan). Required before start.");
        referrals.MapPut("/{id:guid}/aid-decision", RecordAidDecision.Handle).WithSummary("Records the aid decision (beslut om bistånd) behind the participation.");
        referrals.MapPost("/{id:guid}/start", StartIntervention.Handle)
            .WithSummary("Starts the intervention (needs the assignment and both plans); a missing aid decision gives a warning, not a refusal.");
        referrals.MapPost("/{id:guid}/follow-ups", RecordFollowUp.Handle)
            .WithSummary("Records a follow-up of a started intervention: attendance, work ability, own view, goals, readiness checklist and judgment.");
        referrals.MapGet("/{id:guid}/follow-ups/{followUpId:guid}", GetFollowUp.Handle).WithSummary("One follow-up of an intervention referral.");
        referrals.MapPost("/{id:guid}/transfer-to-jobbtorg-resurs", TransferToJobbtorgResurs.Handle)
            .WithSummary("The social secretary decides the transfer to Jobbtorg Resurs once the latest follow-up judged the person ready; TransferToResursDecided. The intervention stays open (AwaitingTransfer) until CloseInterventionReferral after the Resurs intake.");
        referrals.MapPost("/{id:guid}/close", CloseReferral.Handle).WithSummary("Closes the intervention referral with an outcome (DOMAIN.md §9); InterventionClosed.");

        // The catalogue holds no personal data: every signed-in role reads it; the providing district maintains it.
        var catalogue = endpoints.MapGroup(RoutePrefix + "/catalogue").WithTags(Name);
        catalogue.MapGet("", ListCatalogue.Handle).RequireAuthorization(Policies.Authenticated)
            .WithSummary("The city-wide catalogue of district interventions with places left (filters: providerDistrict, openToOtherDistricts).");
        catalogue.MapGet("/{id:guid}", GetCatalogueEntry.Handle).RequireAuthorization(Policies.Authenticated)
            .WithSummary("One catalogue entry with its places left.");
        catalogue.MapPost("", AddCatalogueEntry.Handle).RequireAuthorization(Policies.InterventionCatalogueMaintainer)
            .WithSummary("Adds an intervention of the caller's district to the catalogue.");
        catalogue.MapPut("/{id:guid}", UpdateCatalogueEntry.Handle).RequireAuthorization(Policies.InterventionCatalogueMaintainer)
            .WithSummary("Edits a catalogue entry of the caller's district.");
        return endpoints;
    }
}
