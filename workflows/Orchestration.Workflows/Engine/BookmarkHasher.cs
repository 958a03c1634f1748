using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Engine;

/// <summary>
/// Elsa's bookmark hash (ELSA-SEMANTICS.md §7): upper-case hex SHA-256 of the non-empty parts joined by '|': the
/// name, the payload as JSON with PascalCase keys and no nulls, and the activity instance id when included.
/// </summary>
public static class BookmarkHasher
{
    public static string Hash(string name, JsonObject? payload, string? activityInstanceId = null)
    {
        var parts = new List<string> { name };
        var json = payload is null ? null : Pascal(payload).ToJsonString();
        if (!string.IsNullOrEmpty(json) && json != "{}")
        {
            parts.Add(json);
        }

        if (!string.IsNullOrEmpty(activityInstanceId))
        {
            parts.Add(activityInstanceId);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))));
    }

    private static JsonObject Pascal(JsonObject payload)
    {
        var result = new JsonObject();
        foreach (var (key, value) in payload)
        {
            if (value is null)
            {
                continue;
            }

            result[char.ToUpperInvariant(key[0]) + key[1..]] = value is JsonObject nested ? Pascal(nested) : value.DeepClone();
        }

        return result;
    }
}
