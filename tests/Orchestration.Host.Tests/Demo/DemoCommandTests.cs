using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Access;
using Orchestration.FinancialAid.Persistence;
using Orchestration.Host.Demo;
using Orchestration.Testing.Hosting;
using Xunit.Abstractions;

namespace Orchestration.Host.Tests.Demo;

/// <summary>
/// The demo as <c>-- demo</c> runs it (a small batch): the embedded host on the demo's clock, driven through its REST
/// APIs. Afterwards the statistics show figures, follow-ups are overdue with their escalations, workflow instances run;
/// a second run (a new process: a new host on the same database) adds a second batch and changes nothing of the first.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DemoCommandTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Batch = 20;
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "orchestration-tests", "demo-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_demo_leaves_overdue_escalated_follow_ups_running_instances_and_statistics_and_a_second_run_adds_a_batch()
    {
        var first = await RunDemoAsync(1, async host =>
        {
            // What a newcomer sees after the demo, signed in as the documented accounts (the clock is back at today, so sign-in tokens work).
            using var coordinator = await host.CreateClientForAsync("coordinator");
            var district = (await coordinator.GetFromJsonAsync<JsonObject>("/api/follow-ups/districts/spanga-tensta"))!;
            var overdue = district["overdue"]!.AsArray();
            overdue.Should().NotBeEmpty("the demo leaves follow-ups unrecorded past their due date");
            overdue.Should().OnlyContain(d => d!["notices"]!.AsArray().Any(n => n!["kind"]!.ToString() == "Escalation"),
                "each overdue follow-up was escalated to the coordinator after the grace days");
            overdue.Select(d => d!["responsibleSocialSecretary"]!.ToString()).Should().OnlyContain(n => n == "socialsecretary");

            var statistics = (await coordinator.GetFromJsonAsync<JsonObject>("/api/statistics"))!;
            var referrals = statistics["figures"]!.AsArray().Where(f => f!["measure"]!.ToString() == "referrals").ToList();
            referrals.Should().Contain(f => !f!["suppressed"]!.GetValue<bool>() && f["count"]!.GetValue<int>() >= 5,
                "the demo's burst of applications puts a month of Spånga-Tensta above the suppression threshold");

            using var secretary = await host.CreateClientForAsync("socialsecretary");
            var mine = (await secretary.GetFromJsonAsync<JsonObject>("/api/follow-ups/mine"))!;
            mine["overdue"]!.AsArray().Should().HaveCount(overdue.Count, "the overdue follow-ups are the documented social secretary's");
        });

        first.Referrals.Should().Be(Batch);
        first.ByStage.Should().ContainKeys("initial mapping", "district intervention", "closed");
        first.OverdueFollowUps.Should().BePositive();
        first.EscalatedOverdueFollowUps.Should().Be(first.OverdueFollowUps);
        first.NoticesIssued.Should().BeGreaterThanOrEqualTo(2 * first.OverdueFollowUps, "each overdue follow-up was reminded, then escalated");
        first.RunningInstances.Should().BePositive();
        first.FaultedInstances.Should().Be(0);
        first.FiguresShown.Should().BePositive();

        var second = await RunDemoAsync(2, _ => Task.CompletedTask);
        second.Referrals.Should().Be(Batch);
        second.FaultedInstances.Should().Be(0);
        second.RunningInstances.Should().BeGreaterThan(first.RunningInstances, "the second batch's cases run beside the first's");
        second.OverdueFollowUps.Should().BeGreaterThan(first.OverdueFollowUps, "the first batch's overdue follow-ups stay, the second adds its own");
        second.EscalatedOverdueFollowUps.Should().Be(second.OverdueFollowUps);
        output.WriteLine($"First run: {first.RunTime.TotalSeconds:F1} s, second: {second.RunTime.TotalSeconds:F1} s");
    }

    /// <summary>Run <paramref name="run"/> as one "process": a host on the shared data folder and a new demo clock, the demo, then <paramref name="look"/>.</summary>
    private async Task<DemoSummary> RunDemoAsync(int run, Func<TestHost, Task> look)
    {
        var clock = new DemoClock(DemoPlan.StartFor(TimeProvider.System.GetUtcNow()));
        await using var host = await TestHost.StartAsync(clock, $"Orchestration:DataFolder={_dataFolder}");
        var progress = new StringWriter();
        var summary = await new DemoRunner(host.Services, host.BaseAddress, clock, progress).RunAsync(Batch, CancellationToken.None);
        output.WriteLine(summary.ToString());
        clock.Behind.Should().Be(TimeSpan.Zero, "the demo ends with its clock at today");
        progress.ToString().Should().Contain($"Referral {Batch}/{Batch} in ").And.Contain("route decided");
        await look(host);

        await using var scope = host.Services.CreateAsyncScope();
        var applications = await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().Applications.CountAsync();
        applications.Should().Be(Batch * run, "each run registers its own batch, none twice");
        var keys = await scope.ServiceProvider.GetRequiredService<AccessDbContext>().ApiKeys.Where(k => k.CreatedBy == "demo").ToListAsync();
        keys.Should().NotBeEmpty().And.OnlyContain(k => k.RevokedAt != null, "the demo's keys do not outlive it");
        return summary;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }

        return Task.CompletedTask;
    }
}
