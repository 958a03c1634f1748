namespace Orchestration.ServiceDefaults.Security;

/// <summary>The roles of DOMAIN.md §2, as they appear in tokens, API keys and policies.</summary>
public static class Roles
{
    public const string ProcessOwner = "ProcessOwner";
    public const string SocialSecretary = "SocialSecretary";
    public const string JobbtorgCoach = "JobbtorgCoach";
    public const string WorkConsultant = "WorkConsultant";
    public const string Coordinator = "Coordinator";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All =
        [ProcessOwner, SocialSecretary, JobbtorgCoach, WorkConsultant, Coordinator, Admin];

    /// <summary>The canonical spelling of a role name given in any case, or null when it is not a role.</summary>
    public static string? Normalize(string role) =>
        All.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase));
}
