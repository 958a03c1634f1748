using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>A stand-in module for the messaging tests: orders, and the shared outbox and inbox tables.</summary>
public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => "shop";

    public DbSet<ShopOrder> Orders => Set<ShopOrder>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ShopOrder>().ToTable("Orders").HasKey(o => o.Id);
        modelBuilder.AddOutboxAndInbox();
    }
}
