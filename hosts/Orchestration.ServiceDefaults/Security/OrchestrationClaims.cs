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
}
