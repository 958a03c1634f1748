using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Orchestration.ServiceDefaults.Hosting;

/// <summary>
/// Reads and validates the host's settings once, before anything is built, so that a bad value stops the host
/// with one line naming the setting instead of a stack trace deep inside a library.
/// </summary>
public static class HostSettingsReader
{
    public static HostSettings Read(IConfiguration configuration, string contentRoot)
    {
        var profile = ReadProfile(configuration[SettingNames.Profile]);
        var dataFolder = Path.GetFullPath(configuration[SettingNames.DataFolder] is { Length: > 0 } folder
            ? Path.Combine(contentRoot, folder)
            : Path.Combine(contentRoot, "data"));
        var migrateOnStart = ReadBool(configuration, SettingNames.MigrateOnStart, defaultValue: true);
        var connectionString = configuration[SettingNames.Database];

        if (profile == OrchestrationProfile.Embedded)
        {
            CheckLoopbackOnly(configuration[SettingNames.Urls]);
            return new HostSettings(profile, dataFolder, DatabaseProvider.Sqlite,
                SqliteConnectionString(connectionString, dataFolder), RabbitMqUri: null, migrateOnStart);
        }

        return new HostSettings(profile, dataFolder, DatabaseProvider.PostgreSql,
            PostgresConnectionString(connectionString), RabbitMqUri(configuration[SettingNames.RabbitMq]), migrateOnStart);
    }

    private static OrchestrationProfile ReadProfile(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return OrchestrationProfile.Embedded;
        }

        return Enum.TryParse<OrchestrationProfile>(value.Trim(), ignoreCase: true, out var profile) && Enum.IsDefined(profile)
            ? profile
            : throw new HostConfigurationException(SettingNames.Profile,
                $"unknown profile '{value}'; use '{OrchestrationProfile.Embedded}' (default) or '{OrchestrationProfile.Production}'.");
    }

    public static bool ReadBool(IConfiguration configuration, string key, bool defaultValue)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaultValue;
        }

        return bool.TryParse(value.Trim(), out var parsed)
            ? parsed
            : throw new HostConfigurationException(key, $"'{value}' is not a boolean; use true or false.");
    }

    private static string SqliteConnectionString(string? configured, string dataFolder)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, "orchestration.db") }.ToString();
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(configured);
            return string.IsNullOrWhiteSpace(builder.DataSource)
                ? throw new HostConfigurationException(SettingNames.Database, "the SQLite connection string has no 'Data Source'.")
                : builder.ToString();
        }
        catch (ArgumentException ex)
        {
            throw new HostConfigurationException(SettingNames.Database, $"malformed SQLite connection string ({ex.Message}).", ex);
        }
    }

    private static string PostgresConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new HostConfigurationException(SettingNames.Database,
                "the production profile needs a PostgreSQL connection string, e.g. 'Host=127.0.0.1;Port=5432;Database=orchestration;Username=orchestration;Password=…'.");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw new HostConfigurationException(SettingNames.Database, $"malformed PostgreSQL connection string ({ex.Message}).", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new HostConfigurationException(SettingNames.Database, "the PostgreSQL connection string has no 'Host'.");
        }

        return builder.ConnectionString;
    }

    private static Uri RabbitMqUri(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new HostConfigurationException(SettingNames.RabbitMq,
                "the production profile needs a RabbitMQ URI, e.g. 'amqp://orchestration:…@127.0.0.1:5672/orchestration'.");
        }

        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != "amqp" && uri.Scheme != "amqps")
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new HostConfigurationException(SettingNames.RabbitMq,
                "malformed RabbitMQ URI; expected 'amqp://user:password@host:5672/vhost'.");
        }

        return uri;
    }

    private static void CheckLoopbackOnly(string? urls)
    {
        if (string.IsNullOrWhiteSpace(urls))
        {
            return;
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "*" and "+" are Kestrel's wildcards; Uri cannot parse them, and they are not loopback anyway.
            var parsed = Uri.TryCreate(url.Replace("://*", "://any", StringComparison.Ordinal)
                .Replace("://+", "://any", StringComparison.Ordinal), UriKind.Absolute, out var uri);
            var loopback = parsed && uri is not null
                && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
            if (!loopback)
            {
                throw new HostConfigurationException(SettingNames.Urls,
                    $"the embedded profile listens on loopback only, but '{url}' is not a loopback address; use 127.0.0.1 or localhost, or run the production profile.");
            }
        }
    }
}
