using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.FinancialAid.Commands;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.Benchmarks;

/// <summary>
/// Messages per second through outbox → RabbitMQ → inbox on real PostgreSQL and RabbitMQ: a production host with
/// the financial-aid module; each message is a ReceiveReReferral command whose consumer records its inbox row, its
/// effect and its event in one transaction. Baseline in the same run: the same commands sent straight to the
/// queue (no outbox), into the same consumer. Run with <c>-- messaging [count] [rounds]</c>.
/// </summary>
internal static class MessagingThroughput
{
    private const int MaxWarmUpRounds = 6;

    public static async Task RunAsync(int count, int rounds)
    {
        Console.WriteLine($"Messaging throughput, {count} messages per round, {rounds} rounds (median), {Environment.ProcessorCount} cores");
        var (direct, outbox) = await MeasureRoundsAsync(count, rounds);
        Console.WriteLine($"  baseline: direct send → RabbitMQ → inbox consumer   {Median(direct),8:F0} msg/s  (rounds: {string.Join(", ", direct.Select(r => r.ToString("F0")))})");
        Console.WriteLine($"  outbox → RabbitMQ → inbox consumer                  {Median(outbox),8:F0} msg/s  (rounds: {string.Join(", ", outbox.Select(r => r.ToString("F0")))})");
        Console.WriteLine($"  outbox / baseline: {Median(outbox) / Median(direct):P0}");
    }

    /// <summary>Messages per second of each round, sent straight to the queue and staged in the outbox.</summary>
    public static async Task<(List<double> Direct, List<double> Outbox)> MeasureRoundsAsync(int count, int rounds)
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var host = await TestHost.StartAsync(
            "Orchestration:Profile=Production",
            $"ConnectionStrings:Orchestration={environment.Database.ConnectionString}",
            $"ConnectionStrings:RabbitMq={environment.VirtualHost.AmqpUri}",
            $"Auth:SigningKey={ProductionEnvironment.SigningKey}",
            "Modules:Workflows=false", "Modules:Jobbtorg=false", "Modules:Interventions=false", "Modules:FollowUps=false");
        // One referral per message of a round: commands for one referral conflict on its version and retry, which
        // would measure that contention instead of the messaging path.
        var referrals = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            referrals.Add(await AddReferralAsync(host, i));
        }

        // Warm-up, not measured (the floor warms up too), until the JIT has done its tiering: for the first several
        // thousand messages much of the path runs as unoptimized tier-0 code while the tiering thread recompiles it,
        // about a third of the host's CPU; a long-running host pays that once, not per message.
        for (var warmUp = 1; warmUp <= MaxWarmUpRounds; warmUp++)
        {
            var (warmDirect, _, _) = await MeasureAsync(host, environment.Database.ConnectionString, referrals, SendDirectlyAsync);
            var (warmOutbox, _, tiering) = await MeasureAsync(host, environment.Database.ConnectionString, referrals, StageInOutboxAsync);
            Suite.Progress.Say($"    warm-up {warmUp} (not counted): direct {warmDirect:F0} msg/s, outbox {warmOutbox:F0} msg/s, JIT tiering {tiering:P0} of the host's CPU");
            if (tiering < 0.05)
            {
                break;
            }
        }

        var direct = new List<double>();
        var outbox = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var (rate, cpu, _) = await MeasureAsync(host, environment.Database.ConnectionString, referrals, SendDirectlyAsync);
            direct.Add(rate);
            Suite.Progress.Say($"    round {round + 1}: direct send → inbox consumer {rate:F0} msg/s; {cpu}");
            var staged = DateTimeOffset.UtcNow;
            (rate, cpu, _) = await MeasureAsync(host, environment.Database.ConnectionString, referrals, StageInOutboxAsync);
            outbox.Add(rate);
            Suite.Progress.Say($"    round {round + 1}: outbox → inbox consumer {rate:F0} msg/s, of which the dispatcher published {await DispatchRateAsync(host, staged, count):F0} msg/s; {cpu}");
        }

        return (direct, outbox);
    }

    /// <summary>
    /// Messages per second of one round, the CPU each message cost the host, PostgreSQL and RabbitMQ, and the share
    /// of the host's CPU that the JIT's tiering thread took.
    /// </summary>
    private static async Task<(double Rate, string Cpu, double Tiering)> MeasureAsync(TestHost host, string connectionString, IReadOnlyList<Guid> referrals,
        Func<TestHost, IReadOnlyList<ReceiveReReferral>, Task> send)
    {
        var count = referrals.Count;
        var commands = referrals
            .Select(referralId => new ReceiveReReferral(referralId, Guid.NewGuid(), "spanga-tensta", DateTimeOffset.UtcNow)).ToList();
        var before = await CountAsync(host);
        var cpuBefore = await Suite.CpuSample.TakeAsync(connectionString);
        var clock = Stopwatch.StartNew();
        await send(host, commands);
        await Poll.UntilAsync(async () => await CountAsync(host) >= before + count ? "all" : null, TimeSpan.FromMinutes(5), $"{count} re-referrals to be consumed");
        var rate = count / clock.Elapsed.TotalSeconds;
        var cpuAfter = await Suite.CpuSample.TakeAsync(connectionString);
        return (rate, Suite.CpuSample.PerMessage(cpuBefore, cpuAfter, count), Suite.CpuSample.TieringShare(cpuBefore, cpuAfter));
    }

    private static async Task SendDirectlyAsync(TestHost host, IReadOnlyList<ReceiveReReferral> commands)
    {
        var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(CommandRoutes.Address(typeof(ReceiveReReferral)));
        await Task.WhenAll(commands.Select(c => endpoint.Send(c)));
    }

    /// <summary>One transaction per 50 messages, as many request handlers committing at once would.</summary>
    private static async Task StageInOutboxAsync(TestHost host, IReadOnlyList<ReceiveReReferral> commands)
    {
        foreach (var batch in commands.Chunk(50))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
            foreach (var command in batch)
            {
                db.Stage(command, DateTimeOffset.UtcNow);
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// Like ReferralSeed, with a number unique per referral (ReferralSeed's random four digits collide among a
    /// thousand); month 13, so never a real personnummer.
    /// </summary>
    private static async Task<Guid> AddReferralAsync(TestHost host, int index)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var person = new Person { Id = Guid.NewGuid(), Personnummer = $"19901301{index:0000}", CreatedAt = now };
        var referralId = Guid.NewGuid();
        db.AddRange(person, AidApplication.Register(person.Id, "spanga-tensta", "test", now, referralId));
        await db.SaveChangesAsync();
        return referralId;
    }

    /// <summary>The dispatcher alone: the round's commands over the time from the round's start to the last one marked dispatched.</summary>
    private static async Task<double> DispatchRateAsync(TestHost host, DateTimeOffset start, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var last = await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().Set<OutboxMessage>()
            .Where(m => m.MessageType.StartsWith(typeof(ReceiveReReferral).FullName + ",") && m.CreatedAt >= start).MaxAsync(m => m.DispatchedAt);
        return last is { } at ? count / (at - start).TotalSeconds : 0;
    }

    private static async Task<int> CountAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().ReReferrals.CountAsync();
    }

    public static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
