using System.Text;
using Microsoft.Extensions.Configuration;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.ServiceDefaults.Security;

/// <summary>Reads section "Auth". The embedded profile makes and keeps its own signing key; production must be given one.</summary>
public static class AuthSettingsReader
{
    private const int MinimumKeyLength = 32;

    public static AuthSettings Read(IConfiguration configuration, HostSettings host)
    {
        var seed = ReadSeedLocalAccounts(configuration, host);

        var configured = configuration[SettingNames.SigningKey];
        byte[] key;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            key = configured.Length >= MinimumKeyLength
                ? Encoding.UTF8.GetBytes(configured)
                : throw new HostConfigurationException(SettingNames.SigningKey, $"the signing key must be at least {MinimumKeyLength} characters long.");
        }
        else if (host.IsEmbedded)
        {
            key = LocalSigningKey(host.DataFolder);
        }
        else
        {
            throw new HostConfigurationException(SettingNames.SigningKey,
                $"the production profile needs a secret of at least {MinimumKeyLength} characters, the same on every host, to sign login tokens.");
        }

        return new AuthSettings(key,
            ReadDuration(configuration, "Auth:AccessTokenLifetime", TimeSpan.FromMinutes(15)),
            ReadDuration(configuration, "Auth:RefreshTokenLifetime", TimeSpan.FromHours(8)),
            seed);
    }

    /// <summary>Kept in the data folder so that tokens survive a restart of the embedded host.</summary>
    /// <summary>Whether to seed the documented local accounts; the production profile refuses them.</summary>
    public static bool ReadSeedLocalAccounts(IConfiguration configuration, HostSettings host)
    {
        var seed = HostSettingsReader.ReadBool(configuration, SettingNames.SeedLocalAccounts, defaultValue: host.IsEmbedded);
        return seed && !host.IsEmbedded
            ? throw new HostConfigurationException(SettingNames.SeedLocalAccounts,
                "the production profile refuses the documented local accounts; create real accounts instead (see README.md).")
            : seed;
    }

    private static byte[] LocalSigningKey(string dataFolder)
    {
        var path = Path.Combine(dataFolder, "signing-key");
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(dataFolder);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(64);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    private static TimeSpan ReadDuration(IConfiguration configuration, string key, TimeSpan defaultValue)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaultValue;
        }

        return TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero
            ? parsed
            : throw new HostConfigurationException(key, $"'{value}' is not a positive duration (hh:mm:ss).");
    }
}
