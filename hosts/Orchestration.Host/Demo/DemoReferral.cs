using System.Globalization;
using System.Text.Json.Nodes;

namespace Orchestration.Host.Demo;

/// <summary>
/// One person's referral in the demo: the caseworkers' steps through the REST APIs in the order of the referral path
/// (DOMAIN.md), each on the day the plan gives it. Steps that depend on the process (a Jobbtorg referral issued, an
/// intervention referral opened) wait for its effect. Only ids are kept here, never the personnummer.
/// </summary>
internal sealed class DemoReferral(int number, DemoDistrict district, DemoScenario scenario, DemoContext context)
{
    private const string CasePrefix = "/api/financial-aid/applications/";
    private readonly (DemoActor Secretary, DemoActor Consultant, DemoActor Coordinator) _staff = context.Caseworkers.ByDistrict[district.Code];

    public int Number { get; } = number;

    public DemoDistrict District { get; } = district;

    public DemoScenario Scenario { get; } = scenario;

    /// <summary>Where the referral stands now, in the summary's words.</summary>
    public string Stage { get; private set; } = "not registered";

    /// <summary>Set when a step could not go on (no place left in any intervention): the rest of the plan is skipped.</summary>
    public bool Halted { get; private set; }

    public bool BoughtPlace { get; private set; }

    private string ReferralId { get; set; } = "";

    private string PersonId { get; set; } = "";

    private string Case => CasePrefix + ReferralId;

    private string InterventionPath { get; set; } = "";

    private string JobbtorgPath { get; set; } = "";

    private DateOnly Today => DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime);

    private string TodayText => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<string> RegisterAsync(string personnummer)
    {
        var created = await _staff.Secretary.PostAsync("/api/financial-aid/applications", new { personnummer, district = District.Code });
        ReferralId = created["applicationId"]!.ToString();
        PersonId = created["personId"]!.ToString();
        Stage = "initial mapping";
        return "application registered, referral process started";
    }

    public async Task<string> MapPartOneAsync()
    {
        await _staff.Secretary.PostAsync($"{Case}/mapping-part-1", new
        {
            firstContactOn = TodayText,
            contactChannel = "Phone",
            householdType = Number % 3 == 0 ? "SingleWithChildren" : "Single",
            childrenInHousehold = Number % 3 == 0 ? 1 : 0,
            occupation = "Unemployed",
            hasIncome = false,
            urgentNeed = false,
        });
        return "initial mapping part 1";
    }

    public async Task<string> ScreenAsync(bool inJobbtorgTargetGroup)
    {
        await _staff.Secretary.PostAsync($"{Case}/target-group-screening", new
        {
            inJobbtorgTargetGroup,
            targetGroups = inJobbtorgTargetGroup ? new[] { "UnemployedOnAid" } : [],
        });
        if (!inJobbtorgTargetGroup)
        {
            return "screened: outside Jobbtorg's target groups";
        }

        Stage = "at Jobbtorg";
        return "screened into Jobbtorg's target group: the process refers to Jobbtorg";
    }

    public async Task<string> MapPartThreeAsync()
    {
        await _staff.Secretary.PostAsync($"{Case}/mapping-part-3", new
        {
            newVisitOn = TodayText,
            housing = Number % 2 == 0 ? "Sublet" : "OwnOrRental",
            socialNetwork = Number % 4 == 0 ? "Some" : "Weak",
            healthSelfRating = Number % 3 == 0 ? "Poor" : "Fair",
        });
        await _staff.Secretary.PostAsync($"{Case}/support-obstacles", new { category = Number % 3 == 0 ? "SocialMedical" : "Unemployment" });
        Stage = "assessment (FIA)";
        return "initial mapping part 3 and support obstacles";
    }

    public async Task<string> AssessAsync()
    {
        var levels = new[] { "NoObstacle", "SomeObstacle", "MajorObstacle", "NotAssessed" };
        var areas = context.FiaSocialAreas.Select((area, i) => (area, level: levels[(i + Number) % levels.Length]))
            .ToDictionary(a => a.area, a => new { level = a.level, note = (string?)null });
        await _staff.Secretary.PostAsync($"{Case}/fia-social-part", new { areas, summary = "Bedömning klar" });
        return "FIA social and health part";
    }

    public async Task<string> DecideRouteAsync(params string[] routes)
    {
        await _staff.Secretary.PostAsync($"{Case}/route-decisions", new
        {
            routes,
            reason = routes.Length > 1 ? "Parallella insatser" : "Enligt kartläggningen",
            individualsView = "Vill komma vidare mot arbete",
        });
        if (routes.Contains("DistrictIntervention"))
        {
            Stage = "district intervention (planning)";
        }

        return $"route decided: {string.Join(" + ", routes)}";
    }

    public async Task<string> TakeInAtJobbtorgAsync()
    {
        // The process issued the referral after the screening or the route decision: usually there by now.
        await AwaitJobbtorgReferralAsync("Jobbtorg", 1);
        await context.Caseworkers.Coach.PostAsync($"{JobbtorgPath}/intake", new
        {
            highestEducation = Number % 2 == 0 ? "UpperSecondary" : "Primary",
            swedishLevel = Number % 3 == 0 ? "SfiD" : "Fluent",
            yearsSinceLastWork = Number % 5,
            jobSeeking = "SeekingOccasionally",
            registeredWithArbetsformedlingen = true,
            hasDrivingLicence = Number % 4 == 0,
        });
        return "Jobbtorg intake (initial mapping part 2)";
    }

    public async Task<string> StartJobbtorgInterventionAsync()
    {
        var kinds = new[] { "JobMatching", "WorkTraining", "Validation" };
        var booked = await context.Caseworkers.Coach.PostAsync($"{JobbtorgPath}/interventions", new { kind = kinds[Number % kinds.Length], plannedStartOn = TodayText });
        var id = booked["interventionId"]!.ToString();
        await context.Caseworkers.Coach.PostAsync($"{JobbtorgPath}/interventions/{id}/start");
        Stage = "at Jobbtorg (intervention)";
        return "Jobbtorg intervention booked and started";
    }

    public async Task<string> CloseAtJobbtorgWithWorkAsync()
    {
        await EndJobbtorgInterventionsAsync(completed: true);
        await context.Caseworkers.Coach.PostAsync($"{JobbtorgPath}/close", new { outcome = "Work", note = "Anställd" });
        Stage = "closed";
        return "Jobbtorg closed with work: the process closes the case";
    }

    public async Task<string> ReReferAsync()
    {
        await EndJobbtorgInterventionsAsync(completed: false);
        await context.Caseworkers.Coach.PostAsync($"{JobbtorgPath}/re-referral", new { reasonCode = "WorkCapacityToBeInvestigated" });
        await DemoActor.AwaitAsync(async () =>
            (await _staff.Secretary.GetAsync($"{Case}/overview"))["reReferralsAwaitingDecision"]!.AsArray().Count > 0 ? "arrived" : null,
            "the re-referral to reach the district's case");
        Stage = "re-referred to the district";
        return "re-referred to the district by Jobbtorg";
    }

    /// <summary>Chooses a place (the district's own, or bought from another district), plans and starts the intervention.</summary>
    public async Task<string> PlanInterventionAsync()
    {
        var opened = await DemoActor.AwaitAsync(async () =>
            (await _staff.Consultant.GetAsync($"/api/interventions/referrals?personId={PersonId}")).AsArray() is [var first, ..] ? first!.AsObject() : null,
            "the process to open the intervention referral");
        InterventionPath = $"/api/interventions/referrals/{opened["interventionReferralId"]}";
        var catalogue = (await _staff.Consultant.GetAsync("/api/interventions/catalogue")).AsArray().Select(e => e!.AsObject()).ToList();
        var buy = Number % 4 == 1 || catalogue.All(e => e["providerDistrict"]!.ToString() != District.Code);
        var candidates = catalogue
            .Where(e => e["providerDistrict"]!.ToString() == District.Code || e["openToOtherDistricts"]!.GetValue<bool>())
            .OrderBy(e => e["providerDistrict"]!.ToString() == District.Code == buy)
            .ThenByDescending(e => e["placesLeft"]!.GetValue<int>())
            .Where(e => e["placesLeft"]!.GetValue<int>() > 0);
        foreach (var entry in candidates)
        {
            try
            {
                await _staff.Consultant.PutAsync($"{InterventionPath}/intervention", new { interventionId = entry["interventionId"]!.ToString() });
                BoughtPlace = entry["providerDistrict"]!.ToString() != District.Code;
                break;
            }
            catch (DemoStepException ex) when (ex.Message.Contains("no places left", StringComparison.Ordinal))
            {
                // Another referral of the same day took the last place: try the next intervention.
            }
        }

        var chosen = (await _staff.Consultant.GetAsync(InterventionPath)).AsObject();
        if (chosen["state"]!.ToString() == "Opened")
        {
            Halted = true;
            Stage = "waiting for a place";
            return "no intervention has a place left: waits for one";
        }

        await _staff.Consultant.PostAsync($"{InterventionPath}/three-party-talks", new
        {
            heldOn = TodayText,
            otherParticipants = new[] { "Arbetskonsulent", "Handläggare" },
            summary = "Överenskommelse om upplägg",
        });
        await _staff.Consultant.PutAsync($"{InterventionPath}/assignment", new
        {
            purpose = "Stegvis mot arbete",
            goals = new[] { new { goal = "Närvara fyra dagar i veckan", subGoals = new[] { "Komma i tid" } } },
            tasks = new[] { "Arbetsträning" },
            expectedResult = "Redo för Jobbtorg",
            individualView = "Vill prova",
        });
        await _staff.Consultant.PutAsync($"{InterventionPath}/work-plan", new { content = "Förmiddagar i verkstaden", hoursPerWeek = 12 + (Number % 4 * 4) });
        await _staff.Consultant.PutAsync($"{InterventionPath}/implementation-plan", new { content = "Introduktion första veckan" });
        return BoughtPlace ? $"intervention chosen (a place bought from another district), planned" : "intervention chosen and planned";
    }

    public async Task<string> StartInterventionAsync()
    {
        await _staff.Consultant.PostAsync($"{InterventionPath}/start", new { startedOn = TodayText, aidDecisionReference = $"BD-{Number}" });
        Stage = "district intervention";
        return "district intervention started: follow-ups scheduled";
    }

    public async Task<string> FollowUpAsync(bool ready)
    {
        await _staff.Secretary.PostAsync($"{InterventionPath}/follow-ups", new
        {
            attendancePercent = ready ? 95 : 60 + (Number % 4 * 10),
            workAbility = new
            {
                physical = new { level = "Good" },
                psychological = new { level = ready ? "Good" : "Reduced" },
                social = new { level = "Good" },
            },
            individualView = ready ? "Känner mig redo" : "Vill fortsätta",
            readyForJobbtorgResurs = ready,
        });
        return ready ? "follow-up: ready for Jobbtorg Resurs" : "follow-up recorded";
    }

    public async Task<string> DecideTransferAsync()
    {
        await _staff.Secretary.PostAsync($"{InterventionPath}/transfer-to-jobbtorg-resurs", new { note = "Redo enligt uppföljningen" });
        Stage = "awaiting transfer to Jobbtorg Resurs";
        return "transfer to Jobbtorg Resurs decided: the process refers to Resurs";
    }

    public async Task<string> TakeInAtResursAsync()
    {
        await AwaitJobbtorgReferralAsync("JobbtorgResurs", 1);
        var transferOn = Today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await context.Caseworkers.Coach.PostAsync($"{JobbtorgPath}/resurs-intake", new { plannedTransferOn = transferOn });
        Stage = "at Jobbtorg Resurs (overlap)";
        return $"Resurs intake: transfer on {transferOn}, the intervention overlaps until then";
    }

    public async Task<string> CloseInterventionAsync(string outcome)
    {
        await _staff.Consultant.PostAsync($"{InterventionPath}/close", new { outcome, note = "Avslutad" });
        Stage = "closed";
        return $"intervention closed ({outcome}): the process closes the case";
    }

    public async Task<string> CloseCaseAsync(string outcome)
    {
        await _staff.Secretary.PostAsync($"{Case}/closure", new { outcome, note = "Ej hörts av" });
        Stage = "closed";
        return $"case closed ({outcome})";
    }

    /// <summary>After the demo: the stage the services now report where the process moved the case on its own.</summary>
    public async Task RefreshStageAsync()
    {
        if (Stage == "closed")
        {
            await AwaitCaseClosedAsync();
        }

        if (InterventionPath.Length > 0 && Stage.StartsWith("at Jobbtorg Resurs", StringComparison.Ordinal)
            && (await _staff.Consultant.GetAsync(InterventionPath))["state"]!.ToString() == "Closed")
        {
            Stage = "at Jobbtorg Resurs (intervention closed ToJobbtorg)";
        }
    }

    private async Task AwaitJobbtorgReferralAsync(string unit, int count)
    {
        var referral = await DemoActor.AwaitAsync(async () =>
            (await context.Caseworkers.Coach.GetAsync($"/api/jobbtorg/referrals?referralId={ReferralId}&unit={unit}")).AsArray() is { } items && items.Count >= count
                ? items[0]!.AsObject() : null,
            $"the process to issue the {unit} referral");
        JobbtorgPath = $"/api/jobbtorg/referrals/{referral["jobbtorgReferralId"]}";
    }

    private async Task AwaitCaseClosedAsync()
    {
        await DemoActor.AwaitAsync(async () =>
            (await _staff.Secretary.GetAsync($"{Case}/overview")).AsObject() is { } overview && overview["closure"] is JsonObject ? "closed" : null,
            "the process to close the case");
    }

    private async Task EndJobbtorgInterventionsAsync(bool completed)
    {
        var referral = (await context.Caseworkers.Coach.GetAsync(JobbtorgPath)).AsObject();
        foreach (var running in referral["interventions"]!.AsArray().Where(i => i!["state"]!.ToString() == "Started"))
        {
            await context.Caseworkers.Coach.PostAsync($"{JobbtorgPath}/interventions/{running!["interventionId"]}/end", new { completed });
        }
    }
}
