using Microsoft.IdentityModel.Tokens;

namespace Orchestration.ServiceDefaults.Security;

/// <summary>Validated authentication settings (section "Auth").</summary>
public sealed record AuthSettings(
    byte[] SigningKey,
    TimeSpan AccessTokenLifetime,
    TimeSpan RefreshTokenLifetime,
    bool SeedLocalAccounts)
{
    public const string Issuer = "orchestration";
    public const string Audience = "orchestration";

    /// <summary>The key that signs access tokens and checks them.</summary>
    public SymmetricSecurityKey SecurityKey() => new(SigningKey);
}
