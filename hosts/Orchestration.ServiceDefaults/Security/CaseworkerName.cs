using System.Security.Claims;

namespace Orchestration.ServiceDefaults.Security;

public static class CaseworkerName
{
    /// <summary>The account or API key name recorded beside a case step ("recorded by"); empty when there is none.</summary>
    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? "";
}
