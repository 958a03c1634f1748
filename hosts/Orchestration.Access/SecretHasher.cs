using System.Security.Cryptography;
using System.Text;

namespace Orchestration.Access;

/// <summary>
/// Random secrets and their SHA-256 hashes. A plain hash suffices here because the secrets are 256 random bits,
/// unlike passwords, which go through the Identity password hasher (PBKDF2).
/// </summary>
public static class SecretHasher
{
    public static string NewSecret(int bytes = 32) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(expectedHash));

    private static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
