using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Orchestration.Host.Demo;

/// <summary>
/// Drives a batch of referrals through the running host's REST APIs, day by day on the demo's clock, running the
/// claimer after each day so that reminders and escalations go out when they fall due, then catches the clock up with
/// the present and sums up. Each run adds a new batch (new people, new cases); nothing earlier is changed.
/// </summary>
internal sealed class DemoRunner(IServiceProvider services, Uri baseAddress, DemoClock clock, TextWriter output)
{
    /// <summary>Referrals worked on at once; the embedded profile's SQLite takes one writer at a time anyway.</summary>
    private const int Parallelism = 6;

    private readonly Lock _outputLock = new();

    public async Task<DemoSummary> RunAsync(int count, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var start = clock.GetUtcNow();
        await using var caseworkers = await DemoCaseworkers.CreateAsync(services, baseAddress, DemoDistrict.All);
        var codeLists = (await caseworkers.ByDistrict[DemoDistrict.All[0].Code].Secretary.GetAsync("/api/financial-aid/code-lists")).AsObject();
        var areas = codeLists["fiaSocialAreas"]!.AsArray().Select(a => a!.ToString()).ToList();
        var context = new DemoContext(clock, caseworkers, areas);
        var plan = DemoPlan.Make(count, start, TimeProvider.System.GetUtcNow(), context, new Random(unchecked((int)start.Ticks)));
        Print($"Demo: {count} referrals in {DemoDistrict.All.Count} districts, replaying {plan.Days} days from {Date(plan.Start)} on the demo's clock.");

        var notices = 0;
        var byDay = plan.Steps.ToLookup(s => s.Day);
        for (var day = 0; day <= plan.Days; day++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            clock.AdvanceTo(plan.Start.AddDays(day));
            await RunDayAsync(byDay[day].ToList(), count, cancellationToken);
            notices += await ClaimAsync(caseworkers.Admin);
        }

        clock.CatchUp();
        notices += await ClaimAsync(caseworkers.Admin);
        foreach (var referral in plan.Referrals)
        {
            await referral.RefreshStageAsync();
        }

        return await SummariseAsync(plan, caseworkers, notices, wall.Elapsed);
    }

    private async Task RunDayAsync(List<DemoStep> steps, int count, CancellationToken cancellationToken)
    {
        // One referral's steps in their order; different referrals side by side.
        var perReferral = steps.GroupBy(s => s.Referral).ToList();
        await Parallel.ForEachAsync(perReferral, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (group, _) =>
            {
                foreach (var step in group)
                {
                    if (step.Referral.Halted)
                    {
                        return;
                    }

                    var did = await step.Run();
                    Print($"[{Date(clock.GetUtcNow())}] Referral {step.Referral.Number}/{count} in {step.Referral.District.Name}: {did}");
                }
            });
    }

    private static async Task<int> ClaimAsync(DemoActor admin) =>
        (await admin.PostAsync("/api/follow-ups/claims"))["noticesIssued"]!.GetValue<int>();

    private async Task<DemoSummary> SummariseAsync(DemoPlan plan, DemoCaseworkers caseworkers, int notices, TimeSpan runTime)
    {
        int overdue = 0, escalated = 0, due = 0;
        foreach (var district in DemoDistrict.All)
        {
            var inbox = await caseworkers.ByDistrict[district.Code].Coordinator.GetAsync($"/api/follow-ups/districts/{district.Code}");
            var open = inbox["overdue"]!.AsArray();
            overdue += open.Count;
            escalated += open.Count(d => d!["notices"]!.AsArray().Any(n => n!["kind"]!.ToString() == "Escalation"));
            due += inbox["due"]!.AsArray().Count;
        }

        var statistics = await caseworkers.Admin.GetAsync("/api/statistics");
        var figures = statistics["figures"]!.AsArray();
        var summary = new DemoSummary(
            plan.Referrals.Count,
            DateOnly.FromDateTime(plan.Start.UtcDateTime),
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            runTime,
            plan.Referrals.GroupBy(r => r.District.Name).ToDictionary(g => g.Key, g => g.Count()),
            plan.Referrals.GroupBy(r => r.Stage).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            plan.Referrals.Count(r => r.BoughtPlace),
            overdue,
            escalated,
            due,
            notices,
            await CountInstancesAsync(caseworkers.Admin, new JsonObject { ["status"] = "Running" }),
            await CountInstancesAsync(caseworkers.Admin, new JsonObject { ["subStatus"] = "Faulted" }),
            figures.Count(f => f!["suppressed"]!.GetValue<bool>() is false && f["count"]?.GetValue<int>() > 0),
            figures.Count(f => f!["suppressed"]!.GetValue<bool>()),
            statistics["suppressBelow"]!.GetValue<int>());
        return summary;
    }

    private static async Task<int> CountInstancesAsync(DemoActor admin, JsonObject filter)
    {
        filter["pageSize"] = 1;
        return (await admin.PostAsync("/elsa/api/workflow-instances", filter))["totalCount"]!.GetValue<int>();
    }

    private void Print(string line)
    {
        lock (_outputLock)
        {
            output.WriteLine(line);
        }
    }

    private static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
