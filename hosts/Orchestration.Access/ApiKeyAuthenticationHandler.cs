using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Access;

/// <summary>
/// Authenticates <c>Authorization: ApiKey &lt;key&gt;</c> (the header Elsa Studio sends) or <c>X-Api-Key: &lt;key&gt;</c>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    public static string? ReadKey(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[(SchemeName.Length + 1)..].Trim();
        }

        var header = request.Headers[HeaderName].ToString();
        return header.Length > 0 ? header.Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeyFormat.TryParse(key, out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var stored = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == keyId, Context.RequestAborted);
        if (stored is null || stored.RevokedAt is not null || !SecretHasher.Matches(secret, stored.SecretHash))
        {
            // Ids only: the key itself is a credential and never reaches the log.
            Logger.LogInformation("Rejected API key {KeyId}", keyId);
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = OrchestrationClaims.For($"apikey:{stored.Id}", stored.Name, "apikey", stored.Roles, stored.District);
        var identity = new ClaimsIdentity(claims, SchemeName, OrchestrationClaims.Name, OrchestrationClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
