using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Access;

/// <summary>Accounts, API keys and refresh tokens, in the "access" schema.</summary>
public abstract class AccessDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "access";

    public override string Schema => SchemaName;

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AccessDbContext).Assembly,
            type => type.Namespace == typeof(Configurations.AccountConfiguration).Namespace);
}
