using Microsoft.Extensions.Configuration;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.ServiceDefaults.Tests.Hosting;

public sealed class HostSettingsReaderTests
{
    private const string ContentRoot = "/srv/orchestration";

    [Fact]
    public void With_no_configuration_runs_embedded_on_sqlite_in_the_data_folder()
    {
        var settings = Read();

        settings.Profile.Should().Be(OrchestrationProfile.Embedded);
        settings.DatabaseProvider.Should().Be(DatabaseProvider.Sqlite);
        settings.DataFolder.Should().Be("/srv/orchestration/data");
        settings.DatabaseConnectionString.Should().Be("Data Source=/srv/orchestration/data/orchestration.db");
        settings.RabbitMqUri.Should().BeNull();
        settings.MigrateOnStart.Should().BeTrue();
    }

    [Fact]
    public void Production_takes_postgres_and_rabbitmq()
    {
        var settings = Read(
            ("Orchestration:Profile", "production"),
            ("ConnectionStrings:Orchestration", "Host=db;Database=orchestration;Username=o;Password=p"),
            ("ConnectionStrings:RabbitMq", "amqp://o:p@mq:5672/orchestration"));

        settings.Should().Be(new HostSettings(OrchestrationProfile.Production, "/srv/orchestration/data", DatabaseProvider.PostgreSql,
            "Host=db;Database=orchestration;Username=o;Password=p", new Uri("amqp://o:p@mq:5672/orchestration"), MigrateOnStart: true));
        settings.RabbitMqUri!.UserInfo.Should().Be("o:p", "the credentials reach the bus");
        settings.RabbitMqUri.AbsolutePath.Should().Be("/orchestration", "the virtual host reaches the bus");
    }

    [Theory]
    [InlineData("Orchestration:Profile", "Staging", "unknown profile 'Staging'")]
    [InlineData("Orchestration:MigrateOnStart", "sometimes", "is not a boolean")]
    [InlineData("Urls", "http://0.0.0.0:5080", "loopback only")]
    [InlineData("Urls", "http://*:5080", "loopback only")]
    [InlineData("ConnectionStrings:Orchestration", "Data Source=", "no 'Data Source'")]
    public void Embedded_rejects_bad_values_naming_the_setting(string key, string value, string problem)
    {
        var read = () => Read((key, value));

        read.Should().Throw<HostConfigurationException>()
            .Where(e => e.Setting == key && e.Message.StartsWith(key + ": ") && e.Message.Contains(problem));
    }

    [Fact]
    public void Embedded_accepts_loopback_urls_and_keeps_its_defaults()
    {
        var settings = Read(("Urls", "http://127.0.0.1:5080;http://localhost:5081;http://[::1]:5082"));

        settings.Should().Be(new HostSettings(OrchestrationProfile.Embedded, "/srv/orchestration/data", DatabaseProvider.Sqlite,
            "Data Source=/srv/orchestration/data/orchestration.db", RabbitMqUri: null, MigrateOnStart: true));
    }

    [Theory]
    [InlineData(null, "amqp://o:p@mq/v", "ConnectionStrings:Orchestration", "needs a PostgreSQL connection string")]
    [InlineData("Host=db;Frobnicate=yes", "amqp://o:p@mq/v", "ConnectionStrings:Orchestration", "malformed PostgreSQL connection string")]
    [InlineData("Database=x", "amqp://o:p@mq/v", "ConnectionStrings:Orchestration", "no 'Host'")]
    [InlineData("Host=db", null, "ConnectionStrings:RabbitMq", "needs a RabbitMQ URI")]
    [InlineData("Host=db", "http://mq:5672", "ConnectionStrings:RabbitMq", "malformed RabbitMQ URI")]
    [InlineData("Host=db", "not a uri", "ConnectionStrings:RabbitMq", "malformed RabbitMQ URI")]
    public void Production_rejects_missing_or_malformed_connections(string? database, string? rabbit, string setting, string problem)
    {
        var read = () => Read(("Orchestration:Profile", "Production"),
            ("ConnectionStrings:Orchestration", database), ("ConnectionStrings:RabbitMq", rabbit));

        read.Should().Throw<HostConfigurationException>().Where(e => e.Setting == setting && e.Message.Contains(problem));
    }

    private static HostSettings Read(params (string Key, string? Value)[] values) =>
        HostSettingsReader.Read(Configuration(values), ContentRoot);

    internal static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
