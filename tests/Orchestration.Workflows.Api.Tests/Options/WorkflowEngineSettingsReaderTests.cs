using Microsoft.Extensions.Configuration;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.Workflows.Api.Options;

namespace Orchestration.Workflows.Api.Tests.Options;

public sealed class WorkflowEngineSettingsReaderTests
{
    [Fact]
    public void Defaults_hold_when_nothing_is_configured()
    {
        var settings = WorkflowEngineSettingsReader.Read(Configuration());

        settings.JavaScript.Timeout.Should().Be(TimeSpan.FromSeconds(2));
        settings.Liquid.MaxSteps.Should().Be(100_000);
        settings.MaxCallDepth.Should().Be(16);
        settings.DefaultFlowchartExecutionMode.Should().Be("CounterBased");
    }

    [Fact]
    public void Configured_limits_and_mode_are_read()
    {
        var settings = WorkflowEngineSettingsReader.Read(Configuration(
            ("Workflows:JavaScript:Timeout", "00:00:05"), ("Workflows:JavaScript:MaxStringLength", "5000"),
            ("Workflows:Liquid:MaxOutputLength", "2000"), ("Workflows:MaxCallDepth", "4"),
            ("Workflows:Flowchart:DefaultExecutionMode", "TokenBased")));

        settings.JavaScript.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        settings.JavaScript.MaxStringLength.Should().Be(5000);
        settings.JavaScript.MaxStatements.Should().Be(10_000_000, "unset values keep their defaults");
        settings.Liquid.MaxOutputLength.Should().Be(2000);
        settings.MaxCallDepth.Should().Be(4);
        settings.DefaultFlowchartExecutionMode.Should().Be("TokenBased");
    }

    [Theory]
    [InlineData("Workflows:Liquid:MaxSteps", "0", "Workflows:Liquid:MaxSteps: must be greater than zero.")]
    [InlineData("Workflows:MaxCallDepth", "many", "Workflows:MaxCallDepth")]
    [InlineData("Workflows:Flowchart:DefaultExecutionMode", "Tokens", "Workflows:Flowchart:DefaultExecutionMode: 'Tokens' is not a flowchart mode; use CounterBased or TokenBased.")]
    public void A_bad_value_names_its_setting(string key, string value, string expected)
    {
        var read = () => WorkflowEngineSettingsReader.Read(Configuration((key, value)));

        read.Should().Throw<HostConfigurationException>().Which.Message.Should().StartWith(expected);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
