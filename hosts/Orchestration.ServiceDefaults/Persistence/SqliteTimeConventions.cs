using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Orchestration.ServiceDefaults.Persistence;

public static class SqliteTimeConventions
{
    /// <summary>
    /// SQLite cannot compare or order DateTimeOffset stored as text; due times and newest-first lists need it, so on
    /// SQLite every DateTimeOffset of the model is stored as UTC ticks. PostgreSQL keeps timestamptz.
    /// Call after the entities are configured.
    /// </summary>
    public static ModelBuilder StoreTimesAsTicksOnSqlite(this ModelBuilder modelBuilder, DatabaseFacade database)
    {
        if (!database.IsSqlite())
        {
            return modelBuilder;
        }

        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                     .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
        {
            property.SetValueConverter(new DateTimeOffsetToBinaryConverter());
        }

        return modelBuilder;
    }
}
