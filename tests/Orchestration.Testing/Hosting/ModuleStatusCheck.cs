using System.Net.Http.Json;
using FluentAssertions;
using Orchestration.Access;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Testing.Hosting;

/// <summary>A module's root answers with its own name and the caller as the module sees them (roles, district).</summary>
public static class ModuleStatusCheck
{
    public static async Task AssertCallerSeenAsync(TestHost host, string route, string module, string role)
    {
        var account = LocalAccounts.All.Single(a => a.Role == role);
        using var client = await host.CreateClientForAsync(account.UserName);

        var status = await client.GetFromJsonAsync<Status>(route);

        status.Should().BeEquivalentTo(new Status(module, account.UserName, [role], account.District));
    }

    private sealed record Status(string Module, string Caller, string[] Roles, string? District);
}
