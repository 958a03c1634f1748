using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestration.Contracts.FollowUps.Commands;
using Orchestration.FollowUps.CaseTimeline;
using Orchestration.FollowUps.Claiming;
using Orchestration.FollowUps.Consumers;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Endpoints.Cases;
using Orchestration.FollowUps.Endpoints.Claims;
using Orchestration.FollowUps.Endpoints.Deadlines;
using Orchestration.FollowUps.Endpoints.Inbox;
using Orchestration.FollowUps.Mail;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Persistence;
using Orchestration.FollowUps.Statistics;
using Orchestration.ServiceDefaults.CaseTimeline;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security;
using Orchestration.ServiceDefaults.Statistics;

namespace Orchestration.FollowUps;

/// <summary>Follow-up deadlines of district interventions: scheduling, reminders, escalations, e-mail and the inbox.</summary>
public static class FollowUpsModule
{
    public const string Name = "FollowUps";
    public const string RoutePrefix = "/api/follow-ups";

    public static IServiceCollection AddFollowUps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpsOptions>().Bind(configuration.GetSection(FollowUpsOptions.Section)).ValidateOnStart();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FollowUpsOptions>, FollowUpsOptionsValidator>();
        services.AddSingleton<IValidateOptions<MailOptions>, FollowUpsOptionsValidator>();
        services.AddModuleDbContext<FollowUpsDbContext, FollowUpsSqliteDbContext, FollowUpsPostgresDbContext>(FollowUpsDbContext.SchemaName);
        services.AddModuleOutbox<FollowUpsDbContext>();
        services.AddStatisticsSource<FollowUpsStatisticsSource>();
        services.AddCaseTimelineSource<FollowUpsCaseTimelineSource>();
        services.AddSingleton<SwedishWorkingDays>();
        services.AddSingleton<DeadlineClaimer>();
        services.AddTransient<ClaimDueFollowUpsJob>();
        services.AddSingleton<IDatabaseStartupTask, RecurringClaimRegistration>();
        services.AddHangfireServer(o =>
        {
            o.ServerName = $"{Environment.MachineName}:followups:{Guid.NewGuid():N}";
            o.Queues = [ClaimDueFollowUpsJob.Queue];
            o.WorkerCount = 1;
        });
        services.AddScoped<NoticeMailer>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<PickupFolderMailSender>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.EffectiveDelivery == MailDelivery.Smtp
            ? sp.GetRequiredService<SmtpMailSender>()
            : sp.GetRequiredService<PickupFolderMailSender>());
        services.AddModuleConsumers(bus =>
        {
            bus.AddCommandConsumer<ScheduleFollowUpsConsumer, ScheduleFollowUps, FollowUpsDbContext>();
            bus.AddCommandConsumer<StopFollowUpsConsumer, StopFollowUps, FollowUpsDbContext>();
            bus.AddEventConsumer<InterventionFollowUpRecordedConsumer, FollowUpsDbContext>();
            bus.AddEventConsumer<CaseStageConsumer, FollowUpsDbContext>();
            bus.AddEventConsumer<CaseClosedConsumer, FollowUpsDbContext>();
            bus.AddEventConsumer<ResponsibleSocialSecretaryAssignedConsumer, FollowUpsDbContext>();
            // The mail consumers keep their inbox inside NoticeMailer, under the notice's row lock (see there).
            bus.AddConsumer<FollowUpReminderMailConsumer>();
            bus.AddConsumer<FollowUpEscalationMailConsumer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapFollowUps(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags(Name);
        group.MapModuleStatus(Name).RequireAuthorization(Policies.FollowUpOversight);
        group.MapGet("/mine", ListMine.Handle).RequireAuthorization(Policies.FollowUpResponsible)
            .WithSummary("The signed-in social secretary's open follow-ups (overdue, due, upcoming), each with the case's current stage and the reminders and escalations sent.");
        group.MapGet("/cases/mine", ListMyCases.Handle).RequireAuthorization(Policies.FollowUpResponsible)
            .WithSummary("The signed-in social secretary's cases (those they are responsible for), with or without a follow-up, each with its current stage and nearest open follow-up.");
        group.MapGet("/districts/{district}", ListDistrict.Handle).RequireAuthorization(Policies.FollowUpCoordinator)
            .WithSummary("A district's open follow-ups (overdue, due, upcoming) for its coordinators; another district's answer 403.");
        group.MapGet("/deadlines/{id:guid}", GetDeadline.Handle).RequireAuthorization(Policies.FollowUpOversight)
            .WithSummary("One follow-up deadline of the caller's district with its notices and moved dates.");
        group.MapPost("/deadlines/{id:guid}/move", MoveDeadline.Handle).RequireAuthorization(Policies.FollowUpResponsible)
            .WithSummary("Moves a follow-up's due date with a reason (kept and audited); weekends and Swedish holidays move on to the next working day.");
        group.MapPost("/claims", RunClaimer.Handle).RequireAuthorization(Policies.Administer)
            .WithSummary("Fires the due reminders and escalations now, as the recurring job does every minute; answers how many were issued.");
        return endpoints;
    }
}
