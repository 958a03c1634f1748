using System.Text.Json.Nodes;
using Orchestration.Testing.Hosting;

namespace Orchestration.Faults.Tests;

/// <summary>
/// One referral through the whole path, by the caseworkers' REST calls alone: registration, mapping, parallel routes
/// (Jobbtorg and a district intervention), the intervention started (its follow-ups scheduled), a reminder once the
/// deadline's time has come, then its <see cref="ReferralRoute"/> (an escalation, or the transfer to Jobbtorg Resurs
/// after the overlap), and the case closed (the process closes what is open and stops the follow-ups).
/// </summary>
internal sealed class ReferralDriver(Topology topology, FaultDatabase database, int index)
{
    /// <summary>Every third referral takes the transfer, every third the escalation; the rest close after the reminder.</summary>
    public ReferralRoute Route { get; } = (index % 3) switch
    {
        0 => ReferralRoute.Transfer,
        1 => ReferralRoute.Escalation,
        _ => ReferralRoute.LostContact,
    };

    /// <summary>The case's outcome: the transfer's case ends in work, the others in lost contact.</summary>
    public string Outcome => Route == ReferralRoute.Transfer ? "Work" : "LostContact";

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
        if (Route == ReferralRoute.Escalation)
        {
            await Step("the escalation (time moved past the deadline's due date)", () => Patiently.UntilAsync(async () => await database.CountAsync(
                """SELECT count(*) FROM followups."DeadlineNotices" n JOIN followups."Deadlines" d ON d."Id" = n."DeadlineId" WHERE d."ReferralId" = @id AND n."Kind" = 'Escalation'""",
                ("id", Guid.Parse(ReferralId))) > 0 ? "escalated" : null, Hop, "the escalation"));
        }

        if (Route == ReferralRoute.Transfer)
        {
            await TransferAsync(interventionPath);
        }

        await Step("the closure", () => topology.Secretary.PostAsync($"{Case}/closure", new { outcome = Outcome, note = Route == ReferralRoute.Transfer ? "Anställd" : "Ej hörts av" }));
        await Step("the intervention closed", () => Patiently.UntilAsync(async () =>
            await topology.Consultant.ReadAsync(interventionPath) is JsonObject r && r["state"]?.ToString() == "Closed" ? r : null, Hop, "the intervention to close"));
        await Step("both instances finished", () => Patiently.UntilAsync(() => InstanceCountAsync(2, finished: true), Hop, "two finished instances"));
        Stage = "done";
    }

    /// <summary>Waiting for the reminder, the escalation or the transfer date: the fault loop moves time on (the hosts keep real clocks).</summary>
    public bool AwaitsTime => Stage.StartsWith("the reminder", StringComparison.Ordinal) || Stage.StartsWith("the escalation", StringComparison.Ordinal)
        || Stage.StartsWith("the overlap", StringComparison.Ordinal);

    /// <summary>
    /// The social secretary records a "ready" follow-up and decides the transfer; Jobbtorg Resurs takes the person in
    /// and plans the transfer two weeks on; the intervention runs on through the overlap until the process closes it
    /// ToJobbtorg (the engine's timer, which the suite's time moves bring forward).
    /// </summary>
    private async Task TransferAsync(string interventionPath)
    {
        await Step("the ready follow-up and the transfer decision", async () =>
        {
            await topology.InterventionsSecretary.PostAsync($"{interventionPath}/follow-ups", ReadyFollowUp);
            await topology.InterventionsSecretary.PostAsync($"{interventionPath}/transfer-to-jobbtorg-resurs", new { note = "Redo enligt uppföljningen" });
        });
        var resurs = await Step("the Jobbtorg Resurs referral", () => Patiently.UntilAsync(async () =>
            await topology.Coach.ReadAsync($"/api/jobbtorg/referrals?referralId={ReferralId}&unit=JobbtorgResurs") is JsonArray { Count: > 0 } a ? a[0]!.AsObject() : null,
            Hop, "the Jobbtorg Resurs referral"));
        await Step("the Resurs intake", () => topology.Coach.PostAsync($"/api/jobbtorg/referrals/{resurs["jobbtorgReferralId"]}/resurs-intake",
            new { plannedTransferOn = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(14)) }));
        await Step("the overlap (time moved past the transfer date)", () => Patiently.UntilAsync(async () =>
            await topology.Consultant.ReadAsync(interventionPath) is JsonObject r && r["state"]?.ToString() == "Closed" ? r : null, Hop, "the intervention to close ToJobbtorg"));
    }

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

    private static readonly object ReadyFollowUp = new
    {
        attendancePercent = 90,
        workAbility = new { physical = new { level = "Good" }, psychological = new { level = "Good" }, social = new { level = "Good" } },
        individualView = "Ready",
        readyForJobbtorgResurs = true,
    };

    private static readonly object MappingPart3 = new { newVisitOn = "2026-11-05", housing = "Sublet", socialNetwork = "Weak", healthSelfRating = "Poor" };
}
