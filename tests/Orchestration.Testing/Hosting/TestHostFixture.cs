using Xunit;

namespace Orchestration.Testing.Hosting;

/// <summary>One embedded host shared by the tests of a class (xunit class fixture).</summary>
public sealed class TestHostFixture : IAsyncLifetime
{
    private TestHost? _host;

    public TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
