using System.Net;
using Orchestration.Testing.Hosting;

namespace Orchestration.Host.Tests;

/// <summary>
/// Most .NET developers run with ASPNETCORE_ENVIRONMENT=Development, where the container validates scopes: a startup
/// task that resolves a scoped service from the root provider stops the host there.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DevelopmentStartTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("orchestration-development-").FullName;

    [Fact]
    public async Task Starts_in_the_Development_environment_and_answers_ready()
    {
        await using var host = HostProcess.Start(_workingDirectory, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = "http://127.0.0.1:0",
        });

        var address = await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

        using var client = new HttpClient { BaseAddress = address };
        using var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK, host.AllOutput);
        host.AllOutput.Should().Contain("Hosting environment: Development")
            .And.Contain("Published the shipped workflow definition", "the startup task that seeds definitions ran in its own scope");
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);
}
