using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Orchestration.FollowUps.Persistence;

/// <summary>
/// Creates a row by its key unless it exists, in one statement (INSERT … ON CONFLICT DO NOTHING, which PostgreSQL and
/// SQLite both speak). Two messages of one referral handled at once then both find the row, instead of both adding it
/// and one failing on the unique key (an error in the log and a redelivery for nothing). Only key and identifier
/// columns are written here: the entity's own rules fill the rest on the tracked row afterwards.
/// </summary>
internal static class RowsIfAbsent
{
    public static Task EnsureRowAsync<TEntity>(this DbContext db, CancellationToken cancellationToken, params (string Property, object Value)[] columns)
        where TEntity : class
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(
            (entity.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no {property}.")).GetColumnName(table)!);

        var names = string.Join(", ", columns.Select(c => Column(c.Property)));
        var values = string.Join(", ", columns.Select((_, i) => "{" + i + "}"));
        var key = string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(p => Column(p.Name)));
        var statement = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ({values}) ON CONFLICT ({key}) DO NOTHING";
        return db.Database.ExecuteSqlRawAsync(statement, columns.Select(c => c.Value), cancellationToken);
    }
}
