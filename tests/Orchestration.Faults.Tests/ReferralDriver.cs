using System.Text.Json.Nodes;
using Orchestration.Testing.Hosting;

namespace Orchestration.Faults.Tests;

/// <summary>
/// One referral through the whole path, by the caseworkers' REST calls alone: registration, mapping, parallel routes
/// (Jobbtorg and a district intervention), the intervention started (its follow-ups scheduled), a reminder once the
/// deadline's time has come, and the case closed (the process closes both referrals and stops the follow-ups).
/// </summary>
internal sealed class ReferralDriver(Topology topology, FaultDatabase database, int index)
{
    /// <summary>The demo catalogue's Praktikcentrum in Spånga-Tensta, chosen for every referral.</summary>
    public const string InterventionId = "5e6e1c1a-0001-4000-8000-000000000004";

    /// <summary>Long enough to ride out a RabbitMQ restart (about 40 s here) and an engine node restart, which takes minutes on a loaded 2-core machine.</summary>
    private static readonly TimeSpan Hop = TimeSpan.FromMinutes(10);

    public string ReferralId { get; private set; } = "";

    public string PersonId { get; private set; } = "";

    public string Stage { get; private set; } = "not started";

    private string Case => $"/api/financial-aid/applications/{ReferralId}";

    /// <summary>Registration happens before the faults: a repeated registration would be a second case, which is the caller's doing, not the system's.</summary>
    public async Task RegisterAsync()
    {
        var personnummer = TestPersonnummer.Make(1960 + (index / 100), index % 100, index % 2 == 0);
        var application = await topology.Secretary.PostAsync("/api/financial-aid/applications", new { personnummer });
        ReferralId = application["applicationId"]!.ToString();
        PersonId = application["personId"]!.ToString();
    }

    public async Task DriveAsync()
    {
        await Step("the referral process to start", () => Patiently.UntilAsync(() => InstanceCountAsync(1), Hop, $"the process of referral {index}"));
        await Step("mapping", async () =>
        {
            await topology.Secretary.PostAsync($"{Case}/mapping-part-1", MappingPart1);
            await topology.Secretary.PostAsync($"{Case}/target-group-screening", new { inJobbtorgTargetGroup = false, targetGroups = Array.Empty<string>() });
            await topology.Secretary.PostAsync($"{Case}/mapping-part-3", MappingPart3);
            await topology.Secretary.PostAsync($"{Case}/support-obstacles", new { category = "SocialMedical" });
            await topology.Secretary.PostAsync($"{Case}/route-decisions", new { routes = new[] { "Jobbtorg", "DistrictIntervention" }, reason = "Parallella insatser", individualsView = "Vill båda" });
        });
        await Step("the Jobbtorg referral", () => Patiently.UntilAsync(async () => await topology.Coach.ReadAsync($"/api/jobbtorg/referrals?referralId={ReferralId}&unit=Jobbtorg") is JsonArray { Count: > 0 } a ? a : null, Hop, "the Jobbtorg referral"));
        var intervention = await Step("the intervention referral", () => Patiently.UntilAsync(async () =>
            await topology.Consultant.ReadAsync($"/api/interventions/referrals?personId={PersonId}") is JsonArray { Count: > 0 } a ? a[0]!.AsObject() : null, Hop, "the intervention referral"));
        var interventionPath = $"/api/interventions/referrals/{intervention["interventionReferralId"]}";
        await Step("the intervention start", async () =>
        {
            await topology.Consultant.PutAsync($"{interventionPath}/intervention", new { interventionId = InterventionId });
            await topology.Consultant.PutAsync($"{interventionPath}/assignment", new
            {
                purpose = "Steady daily routine",
                goals = new[] { new { goal = "Attend four days a week", subGoals = Array.Empty<string>() } },
                tasks = new[] { "Workshop" },
                expectedResult = "Work training",
                individualView = "Wants to try",
            });
            await topology.Consultant.PutAsync($"{interventionPath}/work-plan", new { content = "Mornings in the workshop", hoursPerWeek = 16 });
            await topology.Consultant.PutAsync($"{interventionPath}/implementation-plan", new { content = "Introduction in week one" });
            await topology.Consultant.PostAsync($"{interventionPath}/start", new { aidDecisionReference = "BD-1" });
        });
        await Step("the follow-up deadline", () => Patiently.UntilAsync(async () => await database.CountAsync(
            """SELECT count(*) FROM followups."Deadlines" WHERE "ReferralId" = @id""", ("id", Guid.Parse(ReferralId))) > 0 ? "scheduled" : null, Hop, "the deadline"));
        await Step("the reminder (time moved past the deadline's reminder point)", () => Patiently.UntilAsync(async () => await database.CountAsync(
            """SELECT count(*) FROM followups."DeadlineNotices" n JOIN followups."Deadlines" d ON d."Id" = n."DeadlineId" WHERE d."ReferralId" = @id""",
            ("id", Guid.Parse(ReferralId))) > 0 ? "reminded" : null, Hop, "the reminder"));
        await Step("the closure", () => topology.Secretary.PostAsync($"{Case}/closure", new { outcome = "LostContact", note = "Ej hörts av" }));
        await Step("the intervention closed", () => Patiently.UntilAsync(async () =>
            await topology.Consultant.ReadAsync(interventionPath) is JsonObject r && r["state"]?.ToString() == "Closed" ? r : null, Hop, "the intervention to close"));
        await Step("both instances finished", () => Patiently.UntilAsync(() => InstanceCountAsync(2, finished: true), Hop, "two finished instances"));
        Stage = "done";
    }

    /// <summary>Waiting for the reminder: the fault loop moves the time of the deadlines.</summary>
    public bool AwaitsReminder => Stage.StartsWith("the reminder", StringComparison.Ordinal);

    private async Task<T> Step<T>(string stage, Func<Task<T>> step)
    {
        Stage = stage;
        try
        {
            return await step();
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Referral {index} ({ReferralId}) failed at {stage}: {ex.Message}", ex);
        }
    }

    private async Task Step(string stage, Func<Task> step) => await Step(stage, async () => { await step(); return true; });

    private async Task<string?> InstanceCountAsync(int count, bool finished = false)
    {
        // Either engine node answers for the shared store; ask them in turn, so one being killed does not matter.
        foreach (var owner in topology.Owners)
        {
            try
            {
                using var response = await owner.PostAsync("/elsa/api/workflow-instances", System.Net.Http.Json.JsonContent.Create(new { correlationId = ReferralId }));
                if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync())?["items"] is JsonArray items)
                {
                    return items.Count == count && (!finished || items.All(i => i!["subStatus"]!.ToString() == "Finished")) ? "found" : null;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // this node is away; the other answers
            }
        }

        return null;
    }

    private static readonly object MappingPart1 = new
    {
        firstContactOn = "2026-11-02",
        contactChannel = "Phone",
        householdType = "Single",
        childrenInHousehold = 0,
        occupation = "Unemployed",
        hasIncome = false,
        urgentNeed = false,
    };

    private static readonly object MappingPart3 = new { newVisitOn = "2026-11-05", housing = "Sublet", socialNetwork = "Weak", healthSelfRating = "Poor" };
}
