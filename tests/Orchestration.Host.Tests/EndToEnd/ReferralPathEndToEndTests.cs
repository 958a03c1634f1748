using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Access;
using Orchestration.Access.Endpoints;
using Orchestration.Host.Tests.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Persistence;
using Orchestration.Workflows.Persistence.Runtime;
using Xunit.Abstractions;

namespace Orchestration.Host.Tests.EndToEnd;

/// <summary>
/// The whole referral path as production runs it: one host runs the workflow engine (on a clock the test moves
/// months ahead), another the services, both on the same PostgreSQL and RabbitMQ. Caseworkers act only through the
/// REST APIs; the shipped referral process moves the case between the services with its commands, each sent once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReferralPathEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Hop = TimeSpan.FromSeconds(60);
    private const string District = "spanga-tensta";

    [Fact]
    public async Task Jobbtorg_two_re_referrals_a_district_intervention_and_the_transfer_to_Resurs_after_the_overlap_then_the_case_closes()
    {
        var clock = Stopwatch.StartNew();
        await using var path = await ReferralPath.StartAsync("19850315-0008");
        var (secretary, coach, consultant) = (path.Secretary, path.Coach, path.Consultant);

        // Screening says Jobbtorg: the process refers the person there; the coach takes them in (mapping part 2).
        await Done(secretary.PostAsJsonAsync($"{path.Case}/mapping-part-1", MappingPart1));
        await Done(secretary.PostAsJsonAsync($"{path.Case}/target-group-screening", new { inJobbtorgTargetGroup = true, targetGroups = new[] { "UnemployedOnAid" } }));
        var first = await Poll.UntilAsync(() => path.JobbtorgReferralAsync("Jobbtorg", 1), Hop, "the Jobbtorg referral");
        await Done(coach.PostAsJsonAsync($"/api/jobbtorg/referrals/{first["jobbtorgReferralId"]}/intake", Intake));

        // First loop: Jobbtorg re-refers, the district decides Jobbtorg again, which refers anew.
        await Done(coach.PostAsJsonAsync($"/api/jobbtorg/referrals/{first["jobbtorgReferralId"]}/re-referral", new { reasonCode = "WorkCapacityToBeInvestigated" }));
        await Poll.UntilAsync(() => path.ReReferralsAwaitingAsync(1), Hop, "the first re-referral to reach the district's case");
        await Done(secretary.PostAsJsonAsync($"{path.Case}/mapping-part-3", MappingPart3));
        await Done(secretary.PostAsJsonAsync($"{path.Case}/support-obstacles", new { category = "SocialMedical" }));
        await Done(secretary.PostAsJsonAsync($"{path.Case}/route-decisions", new { routes = new[] { "Jobbtorg" }, reason = "Nytt försök", individualsView = "Vill prova igen" }));
        var second = await Poll.UntilAsync(() => path.JobbtorgReferralAsync("Jobbtorg", 2), Hop, "a second Jobbtorg referral");

        // Second loop: re-referred again; this time the district decides its own intervention.
        await Done(coach.PostAsJsonAsync($"/api/jobbtorg/referrals/{second["jobbtorgReferralId"]}/re-referral", new { reasonCode = "WorkCapacityToBeInvestigated" }));
        await Poll.UntilAsync(() => path.ReReferralsAwaitingAsync(1), Hop, "the second re-referral to reach the district's case");
        await Done(secretary.PostAsJsonAsync($"{path.Case}/route-decisions", new { routes = new[] { "DistrictIntervention" }, reason = "Återremitterad två gånger", individualsView = "Vill komma igång" }));
        var intervention = await Poll.UntilAsync(() => path.InterventionReferralAsync(), Hop, "the intervention referral");
        var interventionId = intervention["interventionReferralId"]!.ToString();
        var interventionPath = $"/api/interventions/referrals/{interventionId}";

        // The district intervention starts: its follow-ups are scheduled (first after P1M, then every P3M).
        await StartInterventionAsync(consultant, interventionPath);
        var schedule = await Poll.UntilAsync(() => path.SentAsync("ScheduleFollowUps", 1), Hop, "ScheduleFollowUps");
        schedule[0]["interventionReferralId"]!.ToString().Should().Be(interventionId);
        schedule[0]["firstAfter"]!.ToString().Should().Be("P1M");
        schedule[0]["interval"]!.ToString().Should().Be("P3M");

        // Months later a follow-up finds the person ready; the social secretary decides the transfer: Resurs referral.
        path.EngineClock.Advance(TimeSpan.FromDays(95));
        await Done(secretary.PostAsJsonAsync($"{interventionPath}/follow-ups", FollowUp));
        await Done(secretary.PostAsJsonAsync($"{interventionPath}/transfer-to-jobbtorg-resurs", new { note = "Redo enligt uppföljningen" }));
        var resurs = await Poll.UntilAsync(() => path.JobbtorgReferralAsync("JobbtorgResurs", 1), Hop, "the Jobbtorg Resurs referral");
        var transferOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14));
        await Done(coach.PostAsJsonAsync($"/api/jobbtorg/referrals/{resurs["jobbtorgReferralId"]}/resurs-intake", new { plannedTransferOn = transferOn }));

        // The overlap: the intervention stays open until TransferOn, then the process closes it ToJobbtorg.
        await Poll.UntilAsync(() => path.SentAsync("IssueJobbtorgReferral", 3), Hop, "the Resurs referral command");
        await path.SweepTimersAsync();
        (await consultant.GetFromJsonAsync<JsonObject>(interventionPath))!["state"]!.ToString().Should().NotBe("Closed", "the overlap runs until TransferOn");
        path.EngineClock.Advance(TimeSpan.FromDays(15));
        await path.SweepTimersAsync();
        var closed = await Poll.UntilAsync(async () => await consultant.GetFromJsonAsync<JsonObject>(interventionPath) is { } r && r["state"]!.ToString() == "Closed" ? r : null,
            Hop, "the intervention to close after the overlap");
        closed["closure"]!["outcome"]!.ToString().Should().Be("ToJobbtorg");

        // The person gets work: the social secretary closes the case; the process closes what is open and ends.
        await Done(secretary.PostAsJsonAsync($"{path.Case}/closure", new { outcome = "Work", note = "Anställd" }));
        await path.InstancesFinishedAsync(2);

        var sent = await path.AllSentAsync();
        sent.Select(c => c.Describe()).Should().BeEquivalentTo([
            "IssueJobbtorgReferral Jobbtorg", "ReceiveReReferral", "IssueJobbtorgReferral Jobbtorg", "ReceiveReReferral", "OpenInterventionReferral",
            "ScheduleFollowUps", "IssueJobbtorgReferral JobbtorgResurs", "CloseInterventionReferral ToJobbtorg", "StopFollowUps",
            "CloseInterventionReferral Work", "CloseJobbtorgReferral Work",
        ], "each command once");
        await path.AllDispatchedAsync();
        (await path.JobbtorgReferralAsync("Jobbtorg", 2)).Should().NotBeNull();
        (await path.JobbtorgReferralAsync("JobbtorgResurs", 1)).Should().NotBeNull("one Resurs referral");
        output.WriteLine($"Full path, 4 months of fake time, production profile (hosts included): {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Straight_to_Jobbtorg_and_Jobbtorg_closing_with_work_closes_the_case_through_the_process()
    {
        await using var path = await ReferralPath.StartAsync("19920202-0005");
        await Done(path.Secretary.PostAsJsonAsync($"{path.Case}/mapping-part-1", MappingPart1));
        await Done(path.Secretary.PostAsJsonAsync($"{path.Case}/target-group-screening", new { inJobbtorgTargetGroup = true, targetGroups = new[] { "UnemployedOnAid" } }));
        var jobbtorg = await Poll.UntilAsync(() => path.JobbtorgReferralAsync("Jobbtorg", 1), Hop, "the Jobbtorg referral");
        var jobbtorgPath = $"/api/jobbtorg/referrals/{jobbtorg["jobbtorgReferralId"]}";
        await Done(path.Coach.PostAsJsonAsync($"{jobbtorgPath}/intake", Intake));

        path.EngineClock.Advance(TimeSpan.FromDays(60));
        await Done(path.Coach.PostAsJsonAsync($"{jobbtorgPath}/close", new { outcome = "Work", note = "Anställd" }));

        await path.InstancesFinishedAsync(1);
        (await path.AllSentAsync()).Select(c => c.Describe()).Should().BeEquivalentTo(
            ["IssueJobbtorgReferral Jobbtorg", "CloseCase", "CloseInterventionReferral Work", "CloseJobbtorgReferral Work"], "each command once");
        (await path.Secretary.GetFromJsonAsync<JsonObject>($"{path.Case}/overview"))!.ToJsonString().Should().Contain("Work", "financial aid closed the case with Jobbtorg's outcome");
        await path.AllDispatchedAsync();
    }

    [Fact]
    public async Task Parallel_Jobbtorg_and_district_routes_and_a_lost_contact_closes_both_and_stops_the_follow_ups()
    {
        await using var path = await ReferralPath.StartAsync("19900101-0017");
        var (secretary, consultant) = (path.Secretary, path.Consultant);

        await Done(secretary.PostAsJsonAsync($"{path.Case}/mapping-part-1", MappingPart1));
        await Done(secretary.PostAsJsonAsync($"{path.Case}/target-group-screening", new { inJobbtorgTargetGroup = false, targetGroups = Array.Empty<string>() }));
        await Done(secretary.PostAsJsonAsync($"{path.Case}/mapping-part-3", MappingPart3));
        await Done(secretary.PostAsJsonAsync($"{path.Case}/support-obstacles", new { category = "SocialMedical" }));
        await Done(secretary.PostAsJsonAsync($"{path.Case}/route-decisions", new { routes = new[] { "Jobbtorg", "DistrictIntervention" }, reason = "Parallella insatser", individualsView = "Vill båda" }));
        await Poll.UntilAsync(() => path.JobbtorgReferralAsync("Jobbtorg", 1), Hop, "the Jobbtorg referral");
        var intervention = await Poll.UntilAsync(() => path.InterventionReferralAsync(), Hop, "the intervention referral");
        var interventionPath = $"/api/interventions/referrals/{intervention["interventionReferralId"]}";
        await StartInterventionAsync(consultant, interventionPath);
        await Poll.UntilAsync(() => path.SentAsync("ScheduleFollowUps", 1), Hop, "ScheduleFollowUps");

        path.EngineClock.Advance(TimeSpan.FromDays(40));
        await Done(secretary.PostAsJsonAsync($"{path.Case}/closure", new { outcome = "LostContact", note = "Ej hörts av" }));

        var closed = await Poll.UntilAsync(async () => await consultant.GetFromJsonAsync<JsonObject>(interventionPath) is { } r && r["state"]!.ToString() == "Closed" ? r : null,
            Hop, "the intervention to close with the case");
        closed["closure"]!["outcome"]!.ToString().Should().Be("LostContact");
        await path.InstancesFinishedAsync(2);
        (await path.AllSentAsync()).Select(c => c.Describe()).Should().BeEquivalentTo([
            "IssueJobbtorgReferral Jobbtorg", "OpenInterventionReferral", "ScheduleFollowUps",
            "StopFollowUps", "CloseInterventionReferral LostContact", "CloseJobbtorgReferral LostContact",
        ]);
        await path.AllDispatchedAsync();
    }

    internal static async Task StartInterventionAsync(HttpClient consultant, string interventionPath)
    {
        await Done(consultant.PutAsJsonAsync($"{interventionPath}/intervention", new { interventionId = "5e6e1c1a-0001-4000-8000-000000000004" }));
        await Done(consultant.PutAsJsonAsync($"{interventionPath}/assignment", new
        {
            purpose = "Steady daily routine",
            goals = new[] { new { goal = "Attend four days a week", subGoals = Array.Empty<string>() } },
            tasks = new[] { "Workshop" },
            expectedResult = "Work training",
            individualView = "Wants to try",
        }));
        await Done(consultant.PutAsJsonAsync($"{interventionPath}/work-plan", new { content = "Mornings in the workshop", hoursPerWeek = 16 }));
        await Done(consultant.PutAsJsonAsync($"{interventionPath}/implementation-plan", new { content = "Introduction in week one" }));
        await Done(consultant.PostAsJsonAsync($"{interventionPath}/start", new { aidDecisionReference = "BD-1" }));
    }

    internal static readonly object MappingPart1 = new
    {
        firstContactOn = "2026-11-02",
        contactChannel = "Phone",
        householdType = "Single",
        childrenInHousehold = 0,
        occupation = "Unemployed",
        hasIncome = false,
        urgentNeed = false,
    };

    internal static readonly object MappingPart3 = new { newVisitOn = "2026-11-05", housing = "Sublet", socialNetwork = "Weak", healthSelfRating = "Poor" };

    private static readonly object Intake = new
    {
        highestEducation = "UpperSecondary",
        swedishLevel = "SfiD",
        yearsSinceLastWork = 2,
        jobSeeking = "SeekingOccasionally",
        registeredWithArbetsformedlingen = true,
        hasDrivingLicence = false,
    };

    private static readonly object FollowUp = new
    {
        attendancePercent = 90,
        workAbility = new { physical = new { level = "Good" }, psychological = new { level = "Good" }, social = new { level = "Good" } },
        individualView = "Ready",
        readyForJobbtorgResurs = true,
    };

    /// <summary>The step succeeded (200 or 201); its JSON answer.</summary>
    internal static async Task<JsonObject> Done(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body) as JsonObject ?? [];
    }

    /// <summary>Two hosts, the caseworkers' clients and one registered application: the referral under test.</summary>
    internal sealed class ReferralPath : IAsyncDisposable
    {
        private readonly List<IAsyncDisposable> _owned = [];

        public required ProductionEnvironment Environment { get; init; }

        public required TestHost Services { get; init; }

        public required TestHost Engine { get; set; }

        public required ShiftedTimeProvider EngineClock { get; init; }

        public required HttpClient Secretary { get; init; }

        public required HttpClient Coach { get; init; }

        public required HttpClient Consultant { get; init; }

        public required HttpClient Owner { get; set; }

        public required string ReferralId { get; init; }

        public required string PersonId { get; init; }

        public string Case => $"/api/financial-aid/applications/{ReferralId}";

        /// <param name="servicesOnEngineClock">The services host runs on the engine's moved clock too (follow-up deadlines, reminders).</param>
        /// <param name="servicesSettings">More "Key=Value" settings of the services host (e.g. SMTP).</param>
        /// <param name="secretaryName">The user name of the social secretary who registers the application (and is responsible for it).</param>
        public static async Task<ReferralPath> StartAsync(string personnummer, bool servicesOnEngineClock = false, string[]? servicesSettings = null,
            string? secretaryName = null)
        {
            var environment = await ProductionEnvironment.CreateAsync();
            var clock = new ShiftedTimeProvider();
            var services = await TestHost.StartAsync(servicesOnEngineClock ? clock : null,
                ["Interventions:SeedDemoCatalogue=true", .. servicesSettings ?? [], .. ProductionHost.Settings(environment, "FinancialAid", "Jobbtorg", "Interventions", "FollowUps")]);
            var engine = await TestHost.StartAsync(clock, [.. ProductionHost.Settings(environment, "Workflows")]);
            var secretary = await ClientAsync(services, "SocialSecretary", District, secretaryName);
            var owner = await ClientAsync(engine, "ProcessOwner", null);
            var application = await Done(secretary.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer }));
            var referralId = application["applicationId"]!.ToString();
            var instance = await Poll.UntilAsync(() => InstanceAsync(owner, referralId), Hop, "the referral process to start");
            instance["definitionId"]!.ToString().Should().Be("referral-process");
            var path = new ReferralPath
            {
                Environment = environment,
                Services = services,
                Engine = engine,
                EngineClock = clock,
                Secretary = secretary,
                Coach = await ClientAsync(services, "JobbtorgCoach", null),
                Consultant = await ClientAsync(services, "WorkConsultant", District),
                Owner = owner,
                ReferralId = referralId,
                PersonId = application["personId"]!.ToString(),
            };
            path._owned.AddRange([services, environment]);
            return path;
        }

        /// <summary>Stops the workflow-engine host (its in-flight work ends with it); the services host keeps running.</summary>
        public async Task StopEngineAsync() => await Engine.DisposeAsync();

        /// <summary>Starts the workflow-engine host again on the same database, virtual host and clock.</summary>
        public async Task StartEngineAsync()
        {
            Engine = await TestHost.StartAsync(EngineClock, [.. ProductionHost.Settings(Environment, "Workflows")]);
            Owner.Dispose();
            Owner = await ClientAsync(Engine, "ProcessOwner", null);
        }

        /// <summary>A client of the services host acting in <paramref name="role"/>, under the API key's <paramref name="name"/> (its user name).</summary>
        public Task<HttpClient> ServicesClientAsync(string role, string? district, string name) => ClientAsync(Services, role, district, name);

        public async Task<JsonObject?> JobbtorgReferralAsync(string unit, int count)
        {
            var items = await Coach.GetFromJsonAsync<JsonArray>($"/api/jobbtorg/referrals?referralId={ReferralId}&unit={unit}");
            return items!.Count == count ? items[0]!.AsObject() : null;
        }

        public async Task<JsonObject?> InterventionReferralAsync()
        {
            var items = await Consultant.GetFromJsonAsync<JsonArray>($"/api/interventions/referrals?personId={PersonId}");
            return items!.Count > 0 ? items[0]!.AsObject() : null;
        }

        public async Task<string?> ReReferralsAwaitingAsync(int count) =>
            (await Secretary.GetFromJsonAsync<JsonObject>($"{Case}/overview"))!["reReferralsAwaitingDecision"]!.AsArray().Count == count ? "arrived" : null;

        /// <summary>The commands the workflows sent for this referral (the workflow node's outbox).</summary>
        public async Task<List<JsonObject>> AllSentAsync(Func<OutboxMessage, bool>? filter = null)
        {
            await using var scope = Engine.Services.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
            return rows.Where(r => r.Body.Contains(ReferralId, StringComparison.OrdinalIgnoreCase) && (filter?.Invoke(r) ?? true))
                .Select(r =>
                {
                    var body = JsonNode.Parse(r.Body)!.AsObject();
                    body["$type"] = Type.GetType(r.MessageType)!.Name;
                    return body;
                }).ToList();
        }

        public async Task<List<JsonObject>?> SentAsync(string command, int count)
        {
            var sent = (await AllSentAsync()).Where(c => c["$type"]!.ToString() == command).ToList();
            return sent.Count == count ? sent : null;
        }

        /// <summary>Every command left the workflow node's outbox (each once: the outbox row is the only copy).</summary>
        public async Task AllDispatchedAsync()
        {
            try
            {
                await Poll.UntilAsync(async () => (await AllSentAsync(r => r.DispatchedAt is null)).Count == 0 ? "dispatched" : null, Hop, "every command to leave the outbox");
            }
            catch (TimeoutException)
            {
                await using var scope = Engine.Services.CreateAsyncScope();
                var stuck = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Set<OutboxMessage>().AsNoTracking()
                    .Where(r => r.DispatchedAt == null).Select(r => r.MessageType + ": " + r.LastError).ToListAsync();
                throw new TimeoutException("Not dispatched: " + string.Join("\n", stuck));
            }
        }

        public async Task InstancesFinishedAsync(int count)
        {
            JsonArray items = [];
            try
            {
                await Poll.UntilAsync(async () =>
                {
                    var response = await Owner.PostAsJsonAsync("/elsa/api/workflow-instances", new { correlationId = ReferralId });
                    items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
                    return items.Count == count && items.All(i => i!["subStatus"]!.ToString() == "Finished") ? "finished" : null;
                }, Hop, $"{count} finished instance(s)");
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"{ex.Message} Instances: {items.ToJsonString()} Sent: {string.Join(", ", (await AllSentAsync()).Select(c => c.Describe()))}", ex);
            }
        }

        /// <summary>One pass of the timer sweep on the engine node, as its background loop does every few seconds.</summary>
        public async Task SweepTimersAsync()
        {
            await using var scope = Engine.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ResumeDueTimersAsync(CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in new[] { Secretary, Coach, Consultant, Owner })
            {
                client.Dispose();
            }

            await Engine.DisposeAsync();
            foreach (var owned in _owned)
            {
                await owned.DisposeAsync();
            }
        }

        private static async Task<HttpClient> ClientAsync(TestHost host, string role, string? district, string? name = null)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var created = await AccessApi.CreateApiKeyAsync(scope.ServiceProvider.GetRequiredService<AccessDbContext>(), name ?? $"e2e {role}", [role], district,
                "test", TimeProvider.System, CancellationToken.None);
            return host.CreateApiKeyClient(created.Key);
        }

        private static async Task<JsonObject?> InstanceAsync(HttpClient owner, string correlationId)
        {
            var response = await owner.PostAsJsonAsync("/elsa/api/workflow-instances", new { correlationId });
            var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
            return items.Count > 0 ? items[0]!.AsObject() : null;
        }
    }
}

/// <summary>A sent command as "Name [unit or outcome]", for comparing the lists of what was sent.</summary>
internal static class SentCommandText
{
    public static string Describe(this JsonObject command) =>
        command["$type"]!.ToString() switch
        {
            "IssueJobbtorgReferral" => $"IssueJobbtorgReferral {command["unit"]}",
            "CloseInterventionReferral" or "CloseJobbtorgReferral" => $"{command["$type"]} {command["outcome"]}",
            var name => name,
        };
}
