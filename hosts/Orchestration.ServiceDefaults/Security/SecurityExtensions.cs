using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security.Access;

namespace Orchestration.ServiceDefaults.Security;

internal static class SecurityExtensions
{
    private const string SelectorScheme = "Orchestration";

    /// <summary>
    /// Bearer tokens (from the login) and API keys, one policy per kind of work, and a fallback policy that
    /// denies: an endpoint without an explicit policy answers 401/403.
    /// </summary>
    public static void AddOrchestrationSecurity(this IServiceCollection services, IConfiguration configuration, HostSettings host)
    {
        var auth = AuthSettingsReader.Read(configuration, host);
        services.AddSingleton(auth);
        services.AddModuleDbContext<AccessDbContext, AccessSqliteDbContext, AccessPostgresDbContext>(AccessDbContext.SchemaName);
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<SignInThrottle>();
        if (auth.SeedLocalAccounts)
        {
            services.AddSingleton<IDatabaseStartupTask, LocalAccountSeeder>();
        }

        if (!host.IsEmbedded)
        {
            services.AddSingleton<IDatabaseStartupTask, DefaultCredentialGuard>();
        }

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer token or API key", options =>
                options.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.ReadKey(context.Request) is null
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = AuthSettings.Issuer,
                    ValidAudience = AuthSettings.Audience,
                    IssuerSigningKey = TokenIssuer.SigningKey(auth),
                    NameClaimType = OrchestrationClaims.Name,
                    RoleClaimType = OrchestrationClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(_ => false).Build())
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.DesignWorkflows, p => p.RequireRole(Roles.ProcessOwner, Roles.Admin))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.FinancialAidCaseworker, p => p.RequireRole(Roles.SocialSecretary))
            .AddPolicy(Policies.SharedCaseReader, p => p.RequireRole(Roles.SocialSecretary, Roles.JobbtorgCoach))
            .AddPolicy(Policies.JobbtorgCaseworker, p => p.RequireRole(Roles.JobbtorgCoach))
            .AddPolicy(Policies.InterventionStaff, p => p.RequireRole(Roles.WorkConsultant, Roles.SocialSecretary))
            .AddPolicy(Policies.InterventionCatalogueMaintainer, p => p.RequireRole(Roles.WorkConsultant, Roles.SocialSecretary, Roles.Admin))
            .AddPolicy(Policies.FollowUpOversight, p => p.RequireRole(Roles.Coordinator, Roles.SocialSecretary));
    }
}
