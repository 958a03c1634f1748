using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Access;

/// <summary>
/// One account per role, seeded in the embedded profile only; the credentials are documented in README.md, which
/// is exactly why the production profile refuses to start while any of them still works.
/// </summary>
public static class LocalAccounts
{
    public const string LocalDistrict = "spanga-tensta";

    public static readonly IReadOnlyList<LocalAccount> All =
    [
        new("processowner", "processowner-local", Roles.ProcessOwner, null),
        new("socialsecretary", "socialsecretary-local", Roles.SocialSecretary, LocalDistrict),
        new("jobbtorgcoach", "jobbtorgcoach-local", Roles.JobbtorgCoach, LocalDistrict),
        new("workconsultant", "workconsultant-local", Roles.WorkConsultant, LocalDistrict),
        new("coordinator", "coordinator-local", Roles.Coordinator, LocalDistrict),
        new("admin", "admin-local", Roles.Admin, null),
    ];
}
