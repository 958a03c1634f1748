using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// Item 1, the floor: a plain MassTransit consumer on RabbitMQ that inserts one row per message in one
/// PostgreSQL transaction (no outbox, no inbox, no EF Core), messages sent straight to its queue. Beside it, our
/// path: commands staged in a module's outbox, dispatched to RabbitMQ and consumed through the inbox with their
/// effect and event in one transaction (<see cref="MessagingThroughput"/>); that path is what every referral step
/// between a service and the workflow takes.
/// </summary>
public static class FloorComparison
{
    private const int Messages = 1000;
    private const int Rounds = 3;

    public static async Task<IReadOnlyList<Figure>> RunAsync()
    {
        Progress.Say($"  ours: outbox → RabbitMQ → inbox consumer (production host, financial-aid module), {Rounds} rounds of {Messages}");
        var (direct, outbox) = await MessagingThroughput.MeasureRoundsAsync(Messages, Rounds);
        NpgsqlConnection.ClearAllPools();

        // After ours: MassTransit keeps its log context in a static, and this bus's provider is disposed first.
        Progress.Say($"  floor: plain MassTransit consumer + one INSERT per message, {Rounds} rounds of {Messages}");
        var floor = new List<double>();
        await using (var database = await PostgresServer.CreateDatabaseAsync())
        await using (var virtualHost = await RabbitMqServer.CreateVirtualHostAsync())
        {
            var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 20 }.ConnectionString;
            await ExecuteAsync(connectionString, "CREATE TABLE floor_rows (id uuid PRIMARY KEY, referral_id uuid NOT NULL, district text NOT NULL, received_at timestamptz NOT NULL)");
            var services = new ServiceCollection();
            services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            services.AddSingleton(new FloorDatabase(connectionString));
            services.AddMassTransit(bus =>
            {
                bus.AddConsumer<FloorConsumer>();
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(virtualHost.AmqpUri);
                    rabbit.ReceiveEndpoint("bench-floor", endpoint => endpoint.ConfigureConsumer<FloorConsumer>(context));
                });
            });
            await using var provider = services.BuildServiceProvider();
            var control = provider.GetRequiredService<IBusControl>();
            await control.StartAsync(TimeSpan.FromSeconds(60));
            try
            {
                var endpoint = await control.GetSendEndpoint(new Uri("queue:bench-floor"));
                await SendAndAwaitAsync(endpoint, connectionString, 200);
                for (var round = 0; round < Rounds; round++)
                {
                    floor.Add(await SendAndAwaitAsync(endpoint, connectionString, Messages));
                }
            }
            finally
            {
                await control.StopAsync(TimeSpan.FromSeconds(30));
                NpgsqlConnection.ClearAllPools();
            }
        }

        NpgsqlConnection.ClearAllPools();
        var floorMedian = MessagingThroughput.Median(floor);
        var outboxMedian = MessagingThroughput.Median(outbox);
        var directMedian = MessagingThroughput.Median(direct);
        var rounds = $"rounds: floor {Join(floor)}; inbox only {Join(direct)}; outbox+inbox {Join(outbox)}";
        return
        [
            new Figure("1", "floor: plain consumer, 1 INSERT/message", floorMedian, "msg/s", "–", null, "–", null, Note: rounds),
            new Figure("1", "direct send → our inbox consumer", directMedian, "msg/s", "floor", floorMedian, "–", null),
            new Figure("1/3", "our outbox → RabbitMQ → inbox (a referral step)", outboxMedian, "msg/s", "floor", floorMedian, "≥ 0.7 × floor",
                outboxMedian >= 0.7 * floorMedian,
                outboxMedian >= 0.7 * floorMedian ? null : $"{outboxMedian / floorMedian:0.00}× instead of 0.7× ({0.7 * floorMedian - outboxMedian:#,0} msg/s short)"),
        ];
    }

    private static string Join(List<double> values) => string.Join("/", values.Select(v => v.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task<double> SendAndAwaitAsync(ISendEndpoint endpoint, string connectionString, int count)
    {
        var before = await CountAsync(connectionString);
        var referral = Guid.NewGuid();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => endpoint.Send(new FloorMessage(Guid.NewGuid(), referral, "spanga-tensta"))));
        var deadline = Stopwatch.StartNew();
        while (await CountAsync(connectionString) < before + count)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"The floor consumer did not insert {count} rows within 3 minutes.");
            }

            await Task.Delay(20);
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<long> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM floor_rows", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed record FloorMessage(Guid Id, Guid ReferralId, string District);

public sealed record FloorDatabase(string ConnectionString);

/// <summary>The floor's consumer: one row per message, in one transaction, with plain Npgsql.</summary>
public sealed class FloorConsumer(FloorDatabase database, TimeProvider? time = null) : IConsumer<FloorMessage>
{
    public async Task Consume(ConsumeContext<FloorMessage> context)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO floor_rows (id, referral_id, district, received_at) VALUES (@id, @referral, @district, @at)", connection, transaction);
        command.Parameters.AddWithValue("id", context.Message.Id);
        command.Parameters.AddWithValue("referral", context.Message.ReferralId);
        command.Parameters.AddWithValue("district", context.Message.District);
        command.Parameters.AddWithValue("at", (time ?? TimeProvider.System).GetUtcNow());
        await command.ExecuteNonQueryAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }
}
