using System.Net;
using FluentAssertions;
using Orchestration.Access;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Testing.Hosting;

/// <summary>Checks one route against every local account: the allowed roles get through, the others get 403, anonymous 401.</summary>
public static class AuthorizationMatrix
{
    public static async Task AssertAsync(TestHost host, HttpMethod method, string path, params string[] allowedRoles)
    {
        using (var anonymous = host.CreateClient())
        {
            var response = await anonymous.SendAsync(new HttpRequestMessage(method, path));
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"anonymous {method} {path} must be refused");
        }

        foreach (var account in LocalAccounts.All)
        {
            using var client = await host.CreateClientForAsync(account.UserName);
            var response = await client.SendAsync(new HttpRequestMessage(method, path));
            if (allowedRoles.Contains(account.Role))
            {
                response.StatusCode.Should().NotBe(HttpStatusCode.Unauthorized).And.NotBe(HttpStatusCode.Forbidden,
                    $"{account.Role} may {method} {path}");
                ((int)response.StatusCode).Should().BeLessThan(500, $"{method} {path} as {account.Role}: {await response.Content.ReadAsStringAsync()}");
            }
            else
            {
                response.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{account.Role} may not {method} {path}");
            }
        }
    }
}
