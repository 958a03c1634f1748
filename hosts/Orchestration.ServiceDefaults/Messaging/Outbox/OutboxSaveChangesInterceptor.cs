using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Orchestration.ServiceDefaults.Messaging.Outbox;

/// <summary>After a SaveChanges that staged outbox messages, wakes the dispatcher (inside a transaction it polls anyway).</summary>
public sealed class OutboxSaveChangesInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    private static readonly object Staged = new();

    // One interceptor serves every context of a module (it sits in the options, built once per host), so what a save
    // staged is remembered per context: a field would let another context's save, between this one's start and end,
    // swallow the wake-up.
    private readonly ConditionalWeakTable<DbContext, object> _staged = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            if (context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
            {
                _staged.AddOrUpdate(context, Staged);
            }
            else
            {
                _staged.Remove(context);
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _staged.Remove(context) && context.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            _staged.Remove(context);
        }

        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }
}
