using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Orchestration.Workflows.Persistence.Appending;

/// <summary>
/// An entity's table as EF Core maps it (name with schema or prefix, every column, its type mapping and converter),
/// read from the model once, so that rows written beside the change tracker land exactly where EF would put them.
/// </summary>
internal sealed class TableColumns
{
    private static readonly ConcurrentDictionary<IEntityType, TableColumns> Cache = new();

    private TableColumns(string name, IReadOnlyList<TableColumn> columns, string columnList)
    {
        Name = name;
        Columns = columns;
        ColumnList = columnList;
        // Each array parameter cast to its column's own store type (e.g. "character varying(64)[]"), as EF Core would
        // declare a single value; used on PostgreSQL only.
        UnnestInsert = $"INSERT INTO {name} ({columnList}) SELECT * FROM unnest("
            + string.Join(", ", columns.Select((c, i) => $"${i + 1}::{c.Mapping.StoreType}[]")) + ")";
    }

    /// <summary>The delimited table name, with its schema where the provider has one.</summary>
    public string Name { get; }

    public IReadOnlyList<TableColumn> Columns { get; }

    public TableColumn Column(string property) => Columns.FirstOrDefault(c => c.Property == property)
        ?? throw new InvalidOperationException($"{Name} has no column for property {property}.");

    /// <summary>The delimited column names, comma-separated, in <see cref="Columns"/> order.</summary>
    public string ColumnList { get; }

    /// <summary>PostgreSQL: <c>INSERT INTO t (…) SELECT * FROM unnest($1::type[], …)</c>, one array parameter per column.</summary>
    public string UnnestInsert { get; }

    public static TableColumns Of<TRow>(DbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(TRow))
            ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not an entity of {db.GetType().Name}.");
        return Cache.GetOrAdd(entityType, static (type, sql) => Read(type, sql), db.GetService<ISqlGenerationHelper>());
    }

    private static TableColumns Read(IEntityType entityType, ISqlGenerationHelper sql)
    {
        var tableName = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var columns = new List<TableColumn>();
        foreach (var property in entityType.GetProperties())
        {
            // Rows are written whole from their CLR objects: nothing may come from the database or live only in the tracker.
            if (property.IsShadowProperty() || property.ValueGenerated != ValueGenerated.Never)
            {
                throw new NotSupportedException($"{entityType.DisplayName()}.{property.Name} is a shadow or store-generated property; append its rows through EF Core.");
            }

            var column = property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column in {tableName}.");
            columns.Add(new TableColumn(property.Name, sql.DelimitIdentifier(column), property.GetGetter(), property.GetRelationalTypeMapping()));
        }

        return new TableColumns(sql.DelimitIdentifier(tableName, entityType.GetSchema()), columns,
            string.Join(", ", columns.Select(c => c.Name)));
    }
}

/// <summary>One column: its property, its delimited name, how to read its value from a row, and EF Core's type mapping for it.</summary>
internal sealed record TableColumn(string Property, string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)
{
    /// <summary>The property's value as the entity holds it.</summary>
    public object? ValueOf(object row) => Getter.GetClrValueUsingContainingEntity(row);

    /// <summary>The value as the database stores it (after the property's value converter, if any).</summary>
    public object? ProviderValueOf(object row)
    {
        var value = ValueOf(row);
        return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    /// <summary>
    /// The column's provider values of all <paramref name="rows"/> as one typed array (<c>T?[]</c> for a value type,
    /// so a null stays a null), which Npgsql sends as a PostgreSQL array.
    /// </summary>
    public Array ProviderValuesOf(IReadOnlyList<object> rows)
    {
        var type = Mapping.Converter?.ProviderClrType ?? Mapping.ClrType;
        var element = type.IsValueType && Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;
        var values = Array.CreateInstance(element, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            values.SetValue(ProviderValueOf(rows[i]), i);
        }

        return values;
    }
}
