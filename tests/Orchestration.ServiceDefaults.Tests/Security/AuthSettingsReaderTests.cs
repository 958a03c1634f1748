using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;
using Orchestration.ServiceDefaults.Tests.Hosting;

namespace Orchestration.ServiceDefaults.Tests.Security;

public sealed class AuthSettingsReaderTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"auth-{Guid.NewGuid():N}");

    [Fact]
    public void Embedded_makes_a_signing_key_once_and_keeps_it_in_the_data_folder()
    {
        var host = Host(OrchestrationProfile.Embedded);

        var first = AuthSettingsReader.Read(HostSettingsReaderTests.Configuration(), host);
        var second = AuthSettingsReader.Read(HostSettingsReaderTests.Configuration(), host);

        first.SigningKey.Should().HaveCount(64).And.Equal(second.SigningKey);
        first.SeedLocalAccounts.Should().BeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(_dataFolder, "signing-key")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void Production_without_a_signing_key_refuses_to_start()
    {
        var read = () => AuthSettingsReader.Read(HostSettingsReaderTests.Configuration(), Host(OrchestrationProfile.Production));

        read.Should().Throw<HostConfigurationException>().Where(e => e.Setting == "Auth:SigningKey");
    }

    [Fact]
    public void Production_refuses_a_short_signing_key()
    {
        var read = () => AuthSettingsReader.Read(
            HostSettingsReaderTests.Configuration(("Auth:SigningKey", "too-short")), Host(OrchestrationProfile.Production));

        read.Should().Throw<HostConfigurationException>().Where(e => e.Message.Contains("at least 32 characters"));
    }

    [Fact]
    public void Production_refuses_the_documented_local_accounts()
    {
        var read = () => AuthSettingsReader.Read(HostSettingsReaderTests.Configuration(
            ("Auth:SigningKey", new string('k', 40)), ("Auth:SeedLocalAccounts", "true")), Host(OrchestrationProfile.Production));

        read.Should().Throw<HostConfigurationException>().Where(e => e.Setting == "Auth:SeedLocalAccounts");
    }

    [Fact]
    public void Production_with_a_key_never_seeds_and_uses_the_configured_lifetimes()
    {
        var settings = AuthSettingsReader.Read(HostSettingsReaderTests.Configuration(
            ("Auth:SigningKey", new string('k', 40)), ("Auth:AccessTokenLifetime", "00:05:00")), Host(OrchestrationProfile.Production));

        settings.SeedLocalAccounts.Should().BeFalse();
        settings.AccessTokenLifetime.Should().Be(TimeSpan.FromMinutes(5));
        settings.RefreshTokenLifetime.Should().Be(TimeSpan.FromHours(8));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private HostSettings Host(OrchestrationProfile profile) =>
        new(profile, _dataFolder, profile == OrchestrationProfile.Embedded ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql,
            "unused", null, MigrateOnStart: true);
}
