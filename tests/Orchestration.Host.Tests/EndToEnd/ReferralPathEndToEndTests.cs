using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Access;
using Orchestration.Access.Endpoints;
using Orchestration.Host.Tests.Messaging;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.Host.Tests.EndToEnd;

/// <summary>
/// The whole referral path as production runs it: one host runs the workflow engine, another the three services,
/// both on the same PostgreSQL and RabbitMQ. Caseworkers act only through the REST APIs; the shipped referral
/// process moves the case between the services with its commands.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReferralPathEndToEndTests
{
    private static readonly TimeSpan Hop = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_application_travels_to_jobbtorg_a_district_intervention_and_jobbtorg_resurs_and_a_re_referral_comes_back()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var services = await ProductionHost.StartAsync(environment, ["Interventions:SeedDemoCatalogue=true"], "FinancialAid", "Jobbtorg", "Interventions");
        await using var engine = await ProductionHost.StartAsync(environment, [], "Workflows");
        using var secretary = await ClientAsync(services, "SocialSecretary", "spanga-tensta");
        using var coach = await ClientAsync(services, "JobbtorgCoach", null);
        using var consultant = await ClientAsync(services, "WorkConsultant", "spanga-tensta");
        using var owner = await ClientAsync(engine, "ProcessOwner", null);

        // Financial aid: the application starts the referral process on the workflow node.
        var application = await Done(secretary.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer = "19850315-0008" }));
        var referralId = application["applicationId"]!.ToString();
        var instance = await Poll.UntilAsync(() => InstanceAsync(owner, referralId), Hop, "the referral process to start");
        instance["definitionId"]!.ToString().Should().Be("referral-process");

        // Screening says Jobbtorg: the process refers the person there; the coach takes them in (mapping part 2).
        var path = $"/api/financial-aid/applications/{referralId}";
        await Done(secretary.PostAsJsonAsync($"{path}/mapping-part-1", new
        {
            firstContactOn = "2026-11-02",
            contactChannel = "Phone",
            householdType = "Single",
            childrenInHousehold = 0,
            occupation = "Unemployed",
            hasIncome = false,
            urgentNeed = false,
        }));
        await Done(secretary.PostAsJsonAsync($"{path}/target-group-screening", new { inJobbtorgTargetGroup = true, targetGroups = new[] { "UnemployedOnAid" } }));
        var jobbtorg = await Poll.UntilAsync(() => JobbtorgReferralAsync(coach, referralId, "Jobbtorg"), Hop, "the Jobbtorg referral");
        var jobbtorgId = jobbtorg["jobbtorgReferralId"]!.ToString();
        await Done(coach.PostAsJsonAsync($"/api/jobbtorg/referrals/{jobbtorgId}/intake", new
        {
            highestEducation = "UpperSecondary",
            swedishLevel = "SfiD",
            yearsSinceLastWork = 2,
            jobSeeking = "SeekingOccasionally",
            registeredWithArbetsformedlingen = true,
            hasDrivingLicence = false,
        }));

        // Jobbtorg re-refers to the district: the process puts it back on the district's case.
        await Done(coach.PostAsJsonAsync($"/api/jobbtorg/referrals/{jobbtorgId}/re-referral", new { reasonCode = "WorkCapacityToBeInvestigated" }));
        await Poll.UntilAsync(async () => (await secretary.GetFromJsonAsync<JsonObject>($"{path}/overview"))!["reReferralsAwaitingDecision"]!.AsArray().Count > 0 ? "back" : null,
            Hop, "the re-referral to reach the district's case");

        // The district decides parallel routes: its own intervention and Jobbtorg Resurs.
        await Done(secretary.PostAsJsonAsync($"{path}/mapping-part-3", new { newVisitOn = "2026-11-05", housing = "Sublet", socialNetwork = "Weak", healthSelfRating = "Poor" }));
        await Done(secretary.PostAsJsonAsync($"{path}/support-obstacles", new { category = "SocialMedical" }));
        await Done(secretary.PostAsJsonAsync($"{path}/route-decisions", new { routes = new[] { "DistrictIntervention", "JobbtorgResurs" }, reason = "Återremitterad" }));
        (await secretary.GetFromJsonAsync<JsonObject>($"{path}/overview"))!["reReferralsAwaitingDecision"]!.AsArray().Should().BeEmpty();
        await Poll.UntilAsync(() => JobbtorgReferralAsync(coach, referralId, "JobbtorgResurs"), Hop, "the Jobbtorg Resurs referral");
        var intervention = await Poll.UntilAsync(() => InterventionReferralAsync(consultant, application["personId"]!.ToString()), Hop, "the intervention referral");
        var interventionPath = $"/api/interventions/referrals/{intervention["interventionReferralId"]}";

        // The district intervention: choice, assignment, plans, start, a follow-up that judges readiness, transfer.
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
        await Done(secretary.PostAsJsonAsync($"{interventionPath}/follow-ups", new
        {
            attendancePercent = 90,
            workAbility = new { physical = new { level = "Good" }, psychological = new { level = "Good" }, social = new { level = "Good" } },
            individualView = "Ready",
            readyForJobbtorgResurs = true,
        }));
        await Done(secretary.PostAsJsonAsync($"{interventionPath}/transfer-to-jobbtorg-resurs", new { }));

        // The transfer is a decision; the intervention stays open through the overlap. Until the process closes it
        // after the Resurs intake (CloseInterventionReferral), the social secretary closes it here.
        await Done(secretary.PostAsJsonAsync($"{interventionPath}/close", new { outcome = "ToJobbtorg" }));

        // The intervention closed: the referral process finishes, having sent each command once.
        var finished = await Poll.UntilAsync(async () => await InstanceAsync(owner, referralId) is { } i && i["status"]!.ToString() == "Finished" ? i : null,
            Hop, "the referral process to finish");
        finished["subStatus"]!.ToString().Should().Be("Finished");
        var journal = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{finished["id"]}/journal?take=200");
        journal!["items"]!.AsArray().Where(e => e!["eventName"]?.ToString() == "Completed").Select(e => e!["activityId"]!.ToString())
            .Should().Contain(["ReferToJobbtorg", "ReturnToDistrict", "OpenInterventionReferral", "ReferToJobbtorgResurs", "CaseClosed"]);
    }

    private static async Task<HttpClient> ClientAsync(TestHost host, string role, string? district)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var created = await AccessApi.CreateApiKeyAsync(scope.ServiceProvider.GetRequiredService<AccessDbContext>(), $"e2e {role}", [role], district,
            "test", TimeProvider.System, CancellationToken.None);
        return host.CreateApiKeyClient(created.Key);
    }

    private static async Task<JsonObject?> InstanceAsync(HttpClient owner, string correlationId)
    {
        var response = await owner.PostAsJsonAsync("/elsa/api/workflow-instances", new { correlationId });
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        return items.Count > 0 ? items[0]!.AsObject() : null;
    }

    private static async Task<JsonObject?> JobbtorgReferralAsync(HttpClient coach, string referralId, string unit)
    {
        var items = await coach.GetFromJsonAsync<JsonArray>($"/api/jobbtorg/referrals?referralId={referralId}&unit={unit}");
        return items!.Count > 0 ? items[0]!.AsObject() : null;
    }

    private static async Task<JsonObject?> InterventionReferralAsync(HttpClient consultant, string personId)
    {
        var items = await consultant.GetFromJsonAsync<JsonArray>($"/api/interventions/referrals?personId={personId}");
        return items!.Count > 0 ? items[0]!.AsObject() : null;
    }

    /// <summary>The step succeeded (200 or 201); its JSON answer.</summary>
    private static async Task<JsonObject> Done(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body) as JsonObject ?? [];
    }
}
