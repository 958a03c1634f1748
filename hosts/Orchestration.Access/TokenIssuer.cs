using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Access;

/// <summary>Issues short-lived HS256 access tokens for signed-in accounts.</summary>
public sealed class TokenIssuer(AuthSettings settings, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(Account account)
    {
        var now = time.GetUtcNow();
        var expires = now + settings.AccessTokenLifetime;
        var claims = OrchestrationClaims.For(account.Id.ToString(), account.UserName, "password", account.Roles, account.District);

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthSettings.Issuer,
            Audience = AuthSettings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    public static SymmetricSecurityKey SigningKey(AuthSettings settings) => settings.SecurityKey();
}
