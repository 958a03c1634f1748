using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.ServiceDefaults.Persistence;

/// <summary>
/// Options for the design-time factories `dotnet ef migrations add` uses; the connection strings are never
/// opened when generating migrations.
/// </summary>
public static class DesignTimeOptions
{
    public static DbContextOptions<TContext> For<TContext>(DatabaseProvider provider, string schema)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        PersistenceServiceCollectionExtensions.Configure(builder, provider,
            provider == DatabaseProvider.Sqlite ? "Data Source=design-time.db" : "Host=localhost;Database=design_time", schema);
        return builder.Options;
    }
}
