using System.Diagnostics;
using Orchestration.FollowUps.Tests.Support;
using Xunit.Abstractions;

namespace Orchestration.Faults.Tests;

/// <summary>
/// Referrals driven concurrently through the production topology (two engine nodes, each service module in its own
/// process, a PostgreSQL and a RabbitMQ of the suite's own) while faults strike at moments drawn from a printed seed.
/// At the end every referral must have reached its final state with each side effect exactly once, nothing left in a
/// queue, nothing stuck. ORCHESTRATION_FAULTS_SEED repeats a run; ORCHESTRATION_FAULTS_LONG=1 runs the long variant.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Category", "Slow")]
public sealed class FaultSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Referrals_survive_host_kills_server_restarts_redeliveries_and_moved_time_with_nothing_lost_doubled_or_stuck()
    {
        var variant = FaultSuiteVariant.FromEnvironment();
        var random = new Random(variant.Seed);
        var clock = Stopwatch.StartNew();
        void Log(string line)
        {
            var text = $"[faults {clock.Elapsed:mm\\:ss}] {line}";
            output.WriteLine(text);
            Console.WriteLine(text);
        }

        Log($"variant {variant.Name}: {variant.Referrals} referrals, {variant.Faults.Count} faults, seed {variant.Seed} (ORCHESTRATION_FAULTS_SEED={variant.Seed} repeats it)");
        var servers = await FaultServers.StartAsync();
        var database = new FaultDatabase(servers.ConnectionString);
        try
        {
            await using var smtp = await LoopbackSmtpServer.StartAsync();
            await using var topology = await Topology.StartAsync(servers, smtp.Port);
            // Every referral takes a place in the demo catalogue's Praktikcentrum (20 places): give it one per referral.
            await topology.Consultant.PutAsync($"/api/interventions/catalogue/{ReferralDriver.InterventionId}", new
            {
                name = "Praktikcentrum",
                type = "WorkTraining",
                providerDistrict = Topology.District,
                targetGroup = "Fault suite",
                places = variant.Referrals + 10,
                pricePerPlace = 60_000m,
                openToOtherDistricts = true,
                requiresAidDecision = true,
            });
            Log($"topology up: {string.Join(", ", topology.Processes.Select(p => $"{p.Name} {p.Address}"))}");
            var drivers = Enumerable.Range(0, variant.Referrals).Select(i => new ReferralDriver(topology, database, i)).ToList();
            var injector = new FaultInjector(topology, database, drivers, random, Log);
            await Task.WhenAll(drivers.Select(d => d.RegisterAsync()));

            Log($"{drivers.Count} applications registered ({Routes(drivers)}); driving them and injecting faults");
            var driving = drivers.Select(d => d.DriveAsync()).ToList();
            var all = Task.WhenAll(driving);
            foreach (var fault in variant.Faults)
            {
                // The random moment: a pause drawn from the seed, then the fault, whatever the referrals are doing.
                // Referrals that finished early still meet the rest of the plan: the final checks then show that a
                // restart after the work is done doubles, loses or strands nothing either.
                await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(random.Next(variant.MinPauseSeconds, variant.MaxPauseSeconds))));
                await injector.InjectAsync(fault);
            }

            // Referrals that still wait for a reminder, an escalation or the transfer date get it when time moves on again.
            var finishingMoves = 0;
            while (!all.IsCompleted)
            {
                await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(5)));
                if (!all.IsCompleted && drivers.Any(d => d.AwaitsTime))
                {
                    Log($"time moved on for the waiting referrals: {await injector.MoveTimeAsync()}");
                    finishingMoves++;
                }

                if (clock.Elapsed > variant.Budget)
                {
                    break;
                }
            }

            var unfinished = drivers.Where(d => d.Stage != "done").Select(d => $"{d.ReferralId} at {d.Stage}").ToList();
            var failures = driving.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!.Message).ToList();
            Log($"referrals done: {drivers.Count(d => d.Stage == "done")} of {drivers.Count}; faults injected so far: " +
                $"{string.Join(", ", injector.Injected.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}; longest recovery after a kill {injector.LongestRecovery.TotalSeconds:F1} s");
            failures.Should().BeEmpty("every referral ends its path");
            unfinished.Should().BeEmpty($"every referral ends within {variant.Budget}");

            var checks = new FinalChecks(topology, servers, database, drivers, smtp.Received, injector.MailerCutOff, Log);
            var report = await checks.RunAsync();
            Log($"referrals driven: {drivers.Count} ({Routes(drivers)})");
            Log($"faults injected: {string.Join(", ", injector.Injected.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}; " +
                $"messages redelivered {injector.MessagesRedelivered}; deadlines moved {injector.DeadlinesMoved}, workflow timers moved {injector.TimersMoved} (finishing time moves {finishingMoves})");
            Log($"histories replayed backwards: {(injector.Replayed.Count == 0 ? "none" : string.Join("; ", injector.Replayed))}");
            Log($"side effects checked: {report.SideEffectsChecked}; e-mails received {report.MailsReceived} (sent again under the same Message-Id: {report.MailRepeats})");
            Log($"duplicates: {report.Duplicates.Count}");
            Log($"lost: {report.Lost.Count}");
            Log($"stuck: {report.Stuck}");
            Log($"messages left in queues: {report.QueuedMessages.Count}; in error queues: {report.ErrorQueueMessages.Count}");
            Log($"Hangfire jobs doubled: {report.HangfireDoubled.Count}");
            Log($"longest recovery after a kill: {injector.LongestRecovery.TotalSeconds:F1} s (SIGKILL until /health/ready again)");
            Log($"total {clock.Elapsed.TotalSeconds:F0} s");

            report.Duplicates.Should().BeEmpty("each side effect happens once");
            report.Lost.Should().BeEmpty("each side effect happens");
            report.Stuck.Should().Be(0, "the stuck-instance detector finds nothing");
            report.QueuedMessages.Should().BeEmpty("every message is consumed");
            report.ErrorQueueMessages.Should().BeEmpty("no message failed for good");
            report.HangfireDoubled.Should().BeEmpty("each recurring Hangfire job exists once");
            smtp.Received.Should().NotBeEmpty("the reminders went out by SMTP");
            variant.Faults.Distinct().Should().OnlyContain(kind => injector.Injected.ContainsKey(kind), "every kind of fault was injected at least once");
        }
        finally
        {
            try
            {
                await servers.DropAsync();
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or HttpRequestException)
            {
                // A server left down by a failed fault must not hide that failure behind the clean-up's.
                Log($"could not drop the run's database and virtual host: {ex.Message}");
            }
        }
    }

    private static string Routes(IEnumerable<ReferralDriver> drivers) =>
        string.Join(", ", drivers.GroupBy(d => d.Route).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
}
