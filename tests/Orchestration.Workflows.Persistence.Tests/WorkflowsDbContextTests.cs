using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Tests;

/// <summary>
/// The workflows schema through its real migrations on both databases: tables land in the module's own schema
/// (PostgreSQL) or under its prefix (SQLite), and a definition cannot have the same version twice.
/// </summary>
public sealed class WorkflowsDbContextTests
{
    [Fact]
    public async Task Sqlite_migrations_create_prefixed_tables_and_enforce_one_row_per_version()
    {
        var file = Path.Combine(Path.GetTempPath(), $"workflows-{Guid.NewGuid():N}.db");
        try
        {
            var options = Options<WorkflowsSqliteDbContext>(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False");
            await using var db = new WorkflowsSqliteDbContext(options);
            await db.Database.MigrateAsync();

            var tables = await db.Database.SqlQueryRaw<string>(
                "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name LIKE 'workflows_%'").ToListAsync();
            tables.Should().Contain(["workflows_WorkflowDefinitions", "workflows_migrations_history"]);

            await AssertVersionsAreUniqueAsync(db);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Postgres_migrations_create_the_workflows_schema_and_enforce_one_row_per_version()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var options = Options<WorkflowsPostgresDbContext>(DatabaseProvider.PostgreSql, database.ConnectionString);
        await using var db = new WorkflowsPostgresDbContext(options);
        await db.Database.MigrateAsync();

        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'workflows'").ToListAsync();
        tables.Should().Contain(["WorkflowDefinitions", "migrations_history"]);
        (await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync())
            .Should().BeEmpty("no module writes to the public schema");

        await AssertVersionsAreUniqueAsync(db);
        await db.Database.CloseConnectionAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    private static async Task AssertVersionsAreUniqueAsync(WorkflowsDbContext db)
    {
        db.WorkflowDefinitions.AddRange(Definition("referral", 1, isLatest: false, isPublished: true), Definition("referral", 2, isLatest: true, isPublished: false));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var stored = await db.WorkflowDefinitions.Where(d => d.DefinitionId == "referral").OrderBy(d => d.Version).ToListAsync();
        stored.Select(d => (d.Version, d.IsLatest, d.IsPublished)).Should().Equal((1, false, true), (2, true, false));
        stored[0].Data.Should().Be("""{"definitionId":"referral","version":1,"custom":{"kept":true}}""");

        db.WorkflowDefinitions.Add(Definition("referral", 2, isLatest: true, isPublished: false));
        var duplicate = () => db.SaveChangesAsync();
        await duplicate.Should().ThrowAsync<DbUpdateException>("(DefinitionId, Version) is unique");
        db.ChangeTracker.Clear();
        (await db.WorkflowDefinitions.CountAsync()).Should().Be(2);
    }

    private static WorkflowDefinitionRecord Definition(string definitionId, int version, bool isLatest, bool isPublished) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        DefinitionId = definitionId,
        Version = version,
        Name = "Referral",
        IsLatest = isLatest,
        IsPublished = isPublished,
        CreatedAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
        Data = $$$"""{"definitionId":"{{{definitionId}}}","version":{{{version}}},"custom":{"kept":true}}""",
        ConcurrencyToken = Guid.NewGuid(),
    };

    private static DbContextOptions<TContext> Options<TContext>(DatabaseProvider provider, string connectionString)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        PersistenceServiceCollectionExtensions.Configure(builder, provider, connectionString, WorkflowsDbContext.SchemaName);
        return builder.Options;
    }
}
