using Microsoft.EntityFrameworkCore;

namespace Orchestration.ServiceDefaults.Messaging.Outbox;

public static class OutboxModelBuilderExtensions
{
    /// <summary>The outbox and inbox tables of a module, in its own schema (or with its SQLite prefix).</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("OutboxMessages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.MessageType).HasMaxLength(500);
            outbox.HasIndex(m => new { m.DispatchedAt, m.CreatedAt });
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("InboxMessages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
        });
        return modelBuilder;
    }
}
