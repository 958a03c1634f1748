using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Access.Endpoints;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Access;

/// <summary>
/// Accounts, login, refresh tokens and API keys: the platform module every host runs, beside the referral modules.
/// ServiceDefaults validates the tokens it issues; this module issues them and knows the API keys.
/// </summary>
public static class AccessModule
{
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration, HostSettings host)
    {
        services.AddModuleDbContext<AccessDbContext, AccessSqliteDbContext, AccessPostgresDbContext>(AccessDbContext.SchemaName);
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<SignInThrottle>();
        if (AuthSettingsReader.ReadSeedLocalAccounts(configuration, host))
        {
            services.AddSingleton<IDatabaseStartupTask, LocalAccountSeeder>();
        }

        if (!host.IsEmbedded)
        {
            services.AddSingleton<IDatabaseStartupTask, DefaultCredentialGuard>();
        }

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        // A request that carries an API key goes to this module's handler; any other to the bearer token check.
        services.PostConfigure<PolicySchemeOptions>(SecurityExtensions.SelectorScheme, options =>
        {
            var otherwise = options.ForwardDefaultSelector;
            options.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.ReadKey(context.Request) is null
                ? otherwise?.Invoke(context)
                : ApiKeyAuthenticationHandler.SchemeName;
        });
        return services;
    }

    /// <summary>Login on Elsa's routes (<c>/elsa/api/identity</c>) and the administration of accounts and API keys (<c>/api/access</c>).</summary>
    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIdentityApi();
        endpoints.MapAccessApi();
        return endpoints;
    }
}
