using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Orchestration.FinancialAid.Tests.Endpoints;

/// <summary>A referral registered through the API, with the steps a test drives it through.</summary>
internal sealed class ReferralCase(HttpClient client, Guid id)
{
    public Guid Id { get; } = id;

    public string Path => $"/api/financial-aid/applications/{Id}";

    public static async Task<ReferralCase> RegisterAsync(HttpClient client, string personnummer)
    {
        var response = await client.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer });
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new ReferralCase(client, created.GetProperty("applicationId").GetGuid());
    }

    public static object Part1 => new
    {
        firstContactOn = "2026-11-02",
        contactChannel = "Phone",
        householdType = "Single",
        childrenInHousehold = 0,
        occupation = "Unemployed",
        hasIncome = false,
        urgentNeed = false,
        notes = "Ringde själv.",
    };

    public static object Screening(bool inTargetGroup) => new
    {
        inJobbtorgTargetGroup = inTargetGroup,
        targetGroups = inTargetGroup ? new[] { "UnemployedOnAid" } : new[] { "DistrictIntervention" },
    };

    public static object Part3 => new
    {
        newVisitOn = "2026-11-05",
        housing = "Sublet",
        socialNetwork = "Weak",
        healthSelfRating = "Poor",
        healthNotes = "Sömnproblem sedan i våras",
        socialSituationNotes = "Bor i andra hand",
    };

    public static object Fia => new
    {
        areas = new Dictionary<string, object>
        {
            ["SocialNetwork"] = new { level = "SomeObstacle" },
            ["Housing"] = new { level = "SomeObstacle" },
            ["RelativesSituation"] = new { level = "NotAssessed" },
            ["MentalHealth"] = new { level = "MajorObstacle", note = "Sömnproblem" },
            ["PhysicalHealth"] = new { level = "NoObstacle" },
            ["Addiction"] = new { level = "NoObstacle" },
        },
        summary = "Långt från arbetsmarknaden",
    };

    public Task<HttpResponseMessage> PostAsync(string step, object body) => client.PostAsJsonAsync($"{Path}/{step}", body);

    /// <summary>Drives the case through part 1, screening, part 3 and the support obstacle.</summary>
    public async Task ReadyForRouteDecisionAsync(bool withFia)
    {
        await ExpectCreatedAsync("mapping-part-1", Part1);
        await ExpectCreatedAsync("target-group-screening", Screening(false));
        await ExpectCreatedAsync("mapping-part-3", Part3);
        await ExpectCreatedAsync("support-obstacles", new { category = "SocialMedical" });
        if (withFia)
        {
            await ExpectCreatedAsync("fia-social-part", Fia);
        }
    }

    public async Task<JsonElement> ExpectCreatedAsync(string step, object body)
    {
        var response = await PostAsync(step, body);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, $"{step}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
