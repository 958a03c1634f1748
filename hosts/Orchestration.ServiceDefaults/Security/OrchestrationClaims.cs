using System.Security.Claims;

namespace Orchestration.ServiceDefaults.Security;

/// <summary>Claim types in our tokens and API-key principals (short JWT names, also used in-process).</summary>
public static class OrchestrationClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string District = "district";

    /// <summary>"password" for a signed-in account, "apikey" for an API key.</summary>
    public const string AuthenticationMethod = "amr";

    /// <summary>The claims of a caller, the same for a signed-in account and an API key.</summary>
    public static List<Claim> For(string subject, string name, string method, IEnumerable<string> roles, string? district)
    {
        var claims = new List<Claim> { new(Subject, subject), new(Name, name), new(AuthenticationMethod, method) };
        claims.AddRange(roles.Select(r => new Claim(Role, r)));
        if (district is not null)
        {
            claims.Add(new Claim(District, district));
        }

        return claims;
    }
}
