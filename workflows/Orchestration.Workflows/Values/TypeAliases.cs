using System.Dynamic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Values;

/// <summary>
/// Elsa's type aliases (ELSA-SEMANTICS.md §5), case-insensitive, with <c>X?</c> and <c>X[]</c> forms;
/// assembly-qualified and stale namespaced names resolve by their short type name.
/// </summary>
public static class TypeAliases
{
    private static readonly Dictionary<string, Type> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Int16"] = typeof(short),
        ["Int32"] = typeof(int),
        ["Int64"] = typeof(long),
        ["Long"] = typeof(long),
        ["Single"] = typeof(float),
        ["Double"] = typeof(double),
        ["Decimal"] = typeof(decimal),
        ["Object"] = typeof(object),
        ["String"] = typeof(string),
        ["Boolean"] = typeof(bool),
        ["ByteArray"] = typeof(byte[]),
        ["Guid"] = typeof(Guid),
        ["DateTime"] = typeof(DateTime),
        ["DateTimeOffset"] = typeof(DateTimeOffset),
        ["TimeSpan"] = typeof(TimeSpan),
        ["Stream"] = typeof(Stream),
        ["JsonElement"] = typeof(JsonElement),
        ["JsonNode"] = typeof(JsonNode),
        ["JsonObject"] = typeof(JsonObject),
        ["JsonArray"] = typeof(JsonArray),
        ["JSON"] = typeof(ExpandoObject),
        ["StringDictionary"] = typeof(Dictionary<string, string>),
        ["ObjectDictionary"] = typeof(Dictionary<string, object>),
        ["StringMap"] = typeof(Dictionary<string, string>),
        ["ObjectMap"] = typeof(Dictionary<string, object>),
        ["Char"] = typeof(char),
        ["Byte"] = typeof(byte),
        ["UInt32"] = typeof(uint),
        ["UInt64"] = typeof(ulong),
    };

    private static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(short)] = "Int16",
        [typeof(int)] = "Int32",
        [typeof(long)] = "Int64",
        [typeof(float)] = "Single",
        [typeof(double)] = "Double",
        [typeof(decimal)] = "Decimal",
        [typeof(object)] = "Object",
        [typeof(string)] = "String",
        [typeof(bool)] = "Boolean",
        [typeof(byte[])] = "ByteArray",
        [typeof(Guid)] = "Guid",
        [typeof(DateTime)] = "DateTime",
        [typeof(DateTimeOffset)] = "DateTimeOffset",
        [typeof(TimeSpan)] = "TimeSpan",
        [typeof(JsonElement)] = "JsonElement",
        [typeof(JsonNode)] = "JsonNode",
        [typeof(JsonObject)] = "JsonObject",
        [typeof(JsonArray)] = "JsonArray",
        [typeof(ExpandoObject)] = "JSON",
        [typeof(Dictionary<string, string>)] = "StringDictionary",
        [typeof(Dictionary<string, object>)] = "ObjectDictionary",
    };

    /// <summary>The aliases Studio offers as variable types (GET /descriptors/variables).</summary>
    public static IReadOnlyCollection<string> VariableTypes { get; } =
        ["Object", "String", "Boolean", "Int32", "Int64", "Double", "Decimal", "Guid", "DateTime", "DateTimeOffset", "TimeSpan", "JSON", "ObjectDictionary", "StringDictionary", "ByteArray"];

    /// <summary>The CLR type of an alias, or null when it cannot be resolved (Elsa then drops the variable).</summary>
    public static Type? Resolve(string? typeName, bool isArray = false)
    {
        if (string.IsNullOrWhiteSpace(typeName))
        {
            return null;
        }

        var name = typeName.Trim();
        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            var arrayType = Resolve(name[..^2])?.MakeArrayType();
            return isArray ? arrayType?.MakeArrayType() : arrayType;
        }

        var nullable = name.EndsWith('?');
        if (nullable)
        {
            name = name[..^1];
        }

        // "System.Int32, System.Private.CoreLib" or "Elsa.Workflows.Core.Activities.Flowchart.Models.FlowJoinMode": short name.
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            name = name[..comma].Trim();
        }

        var type = Aliases.GetValueOrDefault(name) ?? Aliases.GetValueOrDefault(name[(name.LastIndexOf('.') + 1)..]) ?? Type.GetType(name);
        if (type is null)
        {
            return null;
        }

        if (nullable && type.IsValueType)
        {
            type = typeof(Nullable<>).MakeGenericType(type);
        }

        return isArray ? type.MakeArrayType() : type;
    }

    /// <summary>The alias Elsa uses for a CLR type (e.g. in descriptors): <c>String</c>, <c>Int32[]</c>, or the type's name.</summary>
    public static string NameOf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return NameOf(underlying) + "?";
        }

        if (Names.TryGetValue(type, out var name))
        {
            return name;
        }

        if (type.IsArray)
        {
            return NameOf(type.GetElementType()!) + "[]";
        }

        var enumerable = type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
            ? type.GetGenericArguments()[0]
            : null;
        return enumerable is not null ? NameOf(enumerable) + "[]" : type.Name;
    }
}
