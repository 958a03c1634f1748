using System.Collections;
using System.ComponentModel;
using System.Dynamic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Orchestration.Workflows.Values;

/// <summary>
/// Elsa's non-strict conversion (ELSA-SEMANTICS.md §5): strings parse invariantly, JSON text becomes objects and
/// arrays, a single value becomes a one-item list, and what cannot be converted becomes the type's default.
/// Runtime values are kept as JSON nodes; typed values exist only while an activity runs.
/// </summary>
public static class ValueConverter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static T? ConvertTo<T>(JsonNode? value) => (T?)ConvertTo(value, typeof(T));

    public static object? ConvertTo(JsonNode? value, Type target)
    {
        try
        {
            return Convert(value, target);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or JsonException or OverflowException or ArgumentException or NotSupportedException)
        {
            return Default(target);
        }
    }

    /// <summary>A CLR value as a JSON node (enums as strings, ExpandoObject as an object).</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), Json),
    };

    /// <summary>A JSON node as a plain CLR value: string, bool, double/long, ExpandoObject, object[].</summary>
    public static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v => v.ToString(),
        JsonArray a => a.Select(ToPlain).ToArray(),
        JsonObject o => ToExpando(o),
        _ => null,
    };

    private static ExpandoObject ToExpando(JsonObject o)
    {
        var expando = new ExpandoObject();
        var map = (IDictionary<string, object?>)expando;
        foreach (var (key, value) in o)
        {
            map[key] = ToPlain(value);
        }

        return expando;
    }

    private static object? Convert(JsonNode? value, Type target)
    {
        if (value is null)
        {
            return Default(target);
        }

        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying == typeof(JsonNode) || underlying.IsInstanceOfType(value))
        {
            return value.DeepClone();
        }

        if (underlying == typeof(object))
        {
            return ToPlain(value);
        }

        if (underlying == typeof(ExpandoObject))
        {
            return ToPlain(ParseIfJsonText(value)) as ExpandoObject;
        }

        if (underlying == typeof(JsonElement))
        {
            return JsonSerializer.Deserialize<JsonElement>(value.ToJsonString());
        }

        if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
        {
            return FromString(text, underlying, target);
        }

        if (underlying == typeof(string))
        {
            return value is JsonValue ? value.ToString() : value.ToJsonString();
        }

        if (IsList(underlying, out var element) && value is not JsonArray)
        {
            return ToList([value], underlying, element!);
        }

        if (IsList(underlying, out element) && value is JsonArray array)
        {
            return ToList(array, underlying, element!);
        }

        if (underlying.IsEnum && value is JsonValue number && number.TryGetValue<int>(out var ordinal))
        {
            return Enum.ToObject(underlying, ordinal);
        }

        if (value is JsonValue primitive && (underlying.IsPrimitive || underlying == typeof(decimal)))
        {
            return System.Convert.ChangeType(primitive.ToString(), underlying, CultureInfo.InvariantCulture);
        }

        return value.Deserialize(underlying, Json);
    }

    private static object? FromString(string text, Type underlying, Type target)
    {
        if (underlying == typeof(string))
        {
            return text;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Default(target);
        }

        var trimmed = text.TrimStart();
        if ((trimmed.StartsWith('{') || trimmed.StartsWith('[')) && !underlying.IsPrimitive)
        {
            try
            {
                return Convert(JsonNode.Parse(text), target);
            }
            catch (JsonException)
            {
                // Not JSON after all; fall through to the scalar rules.
            }
        }

        if (underlying == typeof(byte[]))
        {
            return System.Convert.FromBase64String(text);
        }

        if (underlying.IsEnum)
        {
            // Elsa parses enum names case-sensitively; a wrong case is not a value.
            return Enum.TryParse(underlying, text, ignoreCase: false, out var parsed) && Enum.IsDefined(underlying, parsed!)
                ? parsed
                : Default(target);
        }

        if (IsList(underlying, out var element))
        {
            return ToList([JsonValue.Create(text)], underlying, element!);
        }

        if (underlying == typeof(TimeSpan))
        {
            return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        if (underlying == typeof(DateTime))
        {
            return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        }

        if (underlying == typeof(Guid))
        {
            return Guid.Parse(text);
        }

        var converter = TypeDescriptor.GetConverter(underlying);
        if (converter.CanConvertFrom(typeof(string)))
        {
            return converter.ConvertFromInvariantString(text);
        }

        return JsonSerializer.Deserialize(JsonValue.Create(text).ToJsonString(), underlying, Json);
    }

    private static object ToList(IEnumerable<JsonNode?> items, Type listType, Type element)
    {
        var values = items.Select(i => Convert(i, element)).ToList();
        if (listType.IsArray)
        {
            var array = Array.CreateInstance(element, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                array.SetValue(values[i], i);
            }

            return array;
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var v in values)
        {
            list.Add(v);
        }

        return list;
    }

    private static bool IsList(Type type, out Type? element)
    {
        element = null;
        if (type == typeof(string) || type == typeof(byte[]))
        {
            return false;
        }

        if (type.IsArray)
        {
            element = type.GetElementType();
            return true;
        }

        if (type.IsGenericType && type.GetGenericArguments().Length == 1 && type.IsAssignableFrom(typeof(List<>).MakeGenericType(type.GetGenericArguments()[0])))
        {
            element = type.GetGenericArguments()[0];
            return true;
        }

        return false;
    }

    private static JsonNode? ParseIfJsonText(JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) && s.TrimStart().StartsWith('{') ? JsonNode.Parse(s) : value;

    private static object? Default(Type target) => target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
}
