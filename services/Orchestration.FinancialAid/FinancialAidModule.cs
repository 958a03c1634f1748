using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.FinancialAid.Endpoints.Applications;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid;

/// <summary>Financial aid: applications, initial mapping parts 1 and 3, support obstacles, aid decisions, FIA social/health part, consents.</summary>
public static class FinancialAidModule
{
    public const string Name = "FinancialAid";
    public const string RoutePrefix = "/api/financial-aid";

    public static IServiceCollection AddFinancialAid(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<FinancialAidDbContext, FinancialAidSqliteDbContext, FinancialAidPostgresDbContext>(FinancialAidDbContext.SchemaName);
        services.AddModuleOutbox<FinancialAidDbContext>();
        return services;
    }

    public static IEndpointRouteBuilder MapFinancialAid(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.FinancialAidCaseworker);
        group.MapModuleStatus(Name);
        group.MapPost("/applications", RegisterApplication.Handle)
            .WithSummary("Registers an application for financial aid in the caller's district; starts the referral process.");
        group.MapGet("/applications/{id:guid}", GetApplication.Handle).WithSummary("One application of the caller's district.");
        return endpoints;
    }
}
