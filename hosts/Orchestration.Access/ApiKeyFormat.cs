using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Orchestration.Access;

/// <summary>API keys read <c>orc_&lt;keyId&gt;_&lt;secret&gt;</c>: the key id finds the row, the secret is checked against its hash.</summary>
public static class ApiKeyFormat
{
    private const string Prefix = "orc_";

    public static (string KeyId, string Secret, string Key) Create()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = SecretHasher.NewSecret();
        return (keyId, secret, $"{Prefix}{keyId}_{secret}");
    }

    public static bool TryParse(string? key, [NotNullWhen(true)] out string? keyId, [NotNullWhen(true)] out string? secret)
    {
        keyId = secret = null;
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var separator = key.IndexOf('_', Prefix.Length);
        if (separator <= Prefix.Length || separator == key.Length - 1)
        {
            return false;
        }

        keyId = key[Prefix.Length..separator];
        secret = key[(separator + 1)..];
        return true;
    }
}
