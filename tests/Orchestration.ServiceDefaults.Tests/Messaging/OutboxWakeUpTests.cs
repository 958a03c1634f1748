using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>
/// The dispatcher is woken by every commit that staged messages, also when another context of the same module (they
/// share one interceptor) saves while this one is saving.
/// </summary>
public sealed class OutboxWakeUpTests : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly OutboxSignal _signal = new();
    private readonly SaveOtherMidway _midway = new();

    [Fact]
    public async Task A_notification_wakes_every_waiting_dispatcher_and_one_made_while_a_dispatcher_looked_for_work_is_not_lost()
    {
        // Two modules' dispatchers wait on the host's one signal; a semaphore woke only one of them.
        var first = OutboxSignal.WaitAsync(_signal.Next, TimeSpan.FromMinutes(1), CancellationToken.None);
        var second = OutboxSignal.WaitAsync(_signal.Next, TimeSpan.FromMinutes(1), CancellationToken.None);
        _signal.Notify();
        (await Task.WhenAll(first, second)).Should().Equal(true, true);

        // A dispatcher reads Next, looks for work, and a commit notifies before it starts to wait.
        var next = _signal.Next;
        _signal.Notify();
        (await OutboxSignal.WaitAsync(next, TimeSpan.Zero, CancellationToken.None)).Should().BeTrue();
        (await OutboxSignal.WaitAsync(_signal.Next, TimeSpan.Zero, CancellationToken.None)).Should().BeFalse("nothing was committed since");
    }

    [Fact]
    public async Task A_save_that_staged_a_message_wakes_the_dispatcher_even_when_another_context_saved_in_between()
    {
        await _connection.OpenAsync();
        var interceptor = new OutboxSaveChangesInterceptor(_signal);
        await using var staging = Context(interceptor);
        await using var other = Context(interceptor);
        await staging.Database.EnsureCreatedAsync();

        var wake = _signal.Next;
        staging.Stage(new Ping(1), DateTimeOffset.UnixEpoch);
        other.Orders.Add(new ShopOrder { Id = Guid.NewGuid() });
        _midway.Arm(staging, other);
        await staging.SaveChangesAsync();

        _midway.OtherSaved.Should().BeTrue("the other context saved while the staging one was saving");
        wake.IsCompleted.Should().BeTrue("the staging save committed a message");

        wake = _signal.Next;
        other.Orders.Add(new ShopOrder { Id = Guid.NewGuid() });
        await other.SaveChangesAsync();
        wake.IsCompleted.Should().BeFalse("a save without staged messages wakes nobody");
    }

    private ShopDbContext Context(OutboxSaveChangesInterceptor interceptor)
    {
        var options = new DbContextOptionsBuilder<ShopDbContext>();
        options.UseSqlite(_connection).AddInterceptors(interceptor, _midway);
        return new ShopDbContext(options.Options);
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private sealed record Ping(int N);

    /// <summary>Saves the other context from inside the staging context's save, once.</summary>
    private sealed class SaveOtherMidway : SaveChangesInterceptor
    {
        private DbContext? _staging;
        private DbContext? _other;

        public bool OtherSaved { get; private set; }

        public void Arm(DbContext staging, DbContext other) => (_staging, _other) = (staging, other);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context == _staging && _other is { } other)
            {
                _other = null;
                await other.SaveChangesAsync(cancellationToken);
                OtherSaved = true;
            }

            return result;
        }
    }
}
