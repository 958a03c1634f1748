using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.ServiceDefaults.Security;

public static class SecurityExtensions
{
    /// <summary>The default scheme: forwards each request to the scheme that reads its credential (the access module adds API keys).</summary>
    public const string SelectorScheme = "Orchestration";

    /// <summary>
    /// Validation of bearer tokens (issued by the access module's login), one policy per kind of work, and a fallback
    /// policy that denies: an endpoint without an explicit policy answers 401/403.
    /// </summary>
    internal static void AddOrchestrationSecurity(this IServiceCollection services, IConfiguration configuration, HostSettings host)
    {
        var auth = AuthSettingsReader.Read(configuration, host);
        services.AddSingleton(auth);

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer token or API key", options =>
                options.ForwardDefaultSelector = _ => JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = AuthSettings.Issuer,
                    ValidAudience = AuthSettings.Audience,
                    IssuerSigningKey = auth.SecurityKey(),
                    NameClaimType = OrchestrationClaims.Name,
                    RoleClaimType = OrchestrationClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(_ => false).Build())
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.DesignWorkflows, p => p.RequireRole(Roles.ProcessOwner, Roles.Admin))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.FinancialAidCaseworker, p => p.RequireRole(Roles.SocialSecretary))
            .AddPolicy(Policies.SharedCaseReader, p => p.RequireRole(Roles.SocialSecretary, Roles.JobbtorgCoach))
            .AddPolicy(Policies.CaseResponsibilityAssigner, p => p.RequireRole(Roles.SocialSecretary, Roles.Coordinator))
            .AddPolicy(Policies.JobbtorgCaseworker, p => p.RequireRole(Roles.JobbtorgCoach))
            .AddPolicy(Policies.InterventionStaff, p => p.RequireRole(Roles.WorkConsultant, Roles.SocialSecretary))
            .AddPolicy(Policies.InterventionCatalogueMaintainer, p => p.RequireRole(Roles.WorkConsultant, Roles.SocialSecretary, Roles.Admin))
            .AddPolicy(Policies.FollowUpOversight, p => p.RequireRole(Roles.Coordinator, Roles.SocialSecretary))
            .AddPolicy(Policies.FollowUpResponsible, p => p.RequireRole(Roles.SocialSecretary))
            .AddPolicy(Policies.FollowUpCoordinator, p => p.RequireRole(Roles.Coordinator))
            .AddPolicy(Policies.ReadStatistics, p => p.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.ReadCaseTimeline, p => p.RequireRole(Roles.SocialSecretary, Roles.Coordinator, Roles.Admin));
    }
}
