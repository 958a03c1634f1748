namespace Orchestration.Host.Demo;

/// <summary>
/// A Stockholm district the demo refers people in (seed 003's districts with projects; DOMAIN-DATA.md §2), with the
/// share of the demo's referrals it gets and the user names of its caseworkers. Spånga-Tensta's are the documented
/// local accounts, so signing in as <c>socialsecretary</c> or <c>coordinator</c> shows the demo's cases.
/// </summary>
internal sealed record DemoDistrict(string Code, string Name, int Weight, string Secretary, string Consultant, string Coordinator)
{
    public static readonly IReadOnlyList<DemoDistrict> All =
    [
        new("spanga-tensta", "Spånga-Tensta", 7, "socialsecretary", "workconsultant", "coordinator"),
        Other("rinkeby-kista", "Rinkeby-Kista", 4),
        Other("skarholmen", "Skärholmen", 3),
        Other("farsta", "Farsta", 3),
        Other("skarpnack", "Skarpnäck", 3),
    ];

    private static DemoDistrict Other(string code, string name, int weight) =>
        new(code, name, weight, $"handlaggare.{code}", $"arbetskonsulent.{code}", $"samordnare.{code}");
}
