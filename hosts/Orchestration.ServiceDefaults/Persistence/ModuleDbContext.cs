using Microsoft.EntityFrameworkCore;

namespace Orchestration.ServiceDefaults.Persistence;

/// <summary>
/// Base of every module's DbContext: the module's tables live in its own PostgreSQL schema, or carry its
/// <c>&lt;schema&gt;_</c> prefix in the shared SQLite file, so that no module reads another's tables.
/// </summary>
/// <remarks>
/// Each module derives one provider-specific context per database (e.g. <c>AccessSqliteDbContext</c>) so that
/// EF Core keeps separate migrations for SQLite and PostgreSQL in the same assembly.
/// </remarks>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Lowercase schema name (PostgreSQL) and table prefix (SQLite).</summary>
    public abstract string Schema { get; }

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);

        if (Database.IsSqlite())
        {
            foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
            {
                entity.SetTableName($"{Schema}_{entity.GetTableName()}");
            }
        }
        else
        {
            modelBuilder.HasDefaultSchema(Schema);
        }
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}
