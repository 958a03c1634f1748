namespace Orchestration.ServiceDefaults.Hosting;

/// <summary>Configuration keys the host reads (environment variables use "__" for ":").</summary>
public static class SettingNames
{
    public const string Profile = "Orchestration:Profile";
    public const string DataFolder = "Orchestration:DataFolder";
    public const string MigrateOnStart = "Orchestration:MigrateOnStart";
    public const string Database = "ConnectionStrings:Orchestration";
    public const string RabbitMq = "ConnectionStrings:RabbitMq";
    public const string Modules = "Modules";
    public const string Urls = "Urls";
    public const string SigningKey = "Auth:SigningKey";
    public const string SeedLocalAccounts = "Auth:SeedLocalAccounts";

    /// <summary>Where the embedded profile listens when no URL is configured (loopback only).</summary>
    public const string EmbeddedDefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Where the production profile listens when no URL is configured.</summary>
    public const string ProductionDefaultUrl = "http://0.0.0.0:8080";
}
