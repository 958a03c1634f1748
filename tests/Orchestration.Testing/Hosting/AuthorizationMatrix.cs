using System.Net;
using FluentAssertions;
using Orchestration.Access;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Testing.Hosting;

/// <summary>Checks one route against every local account: the allowed roles get through, the others get 403, anonymous 401.</summary>
public static class AuthorizationMatrix
{
    public static Task AssertAsync(TestHost host, HttpMethod method, string path, params string[] allowedRoles) =>
        AssertWithBodyAsync(host, method, path, jsonBody: null, allowedRoles);

    /// <summary>The same with a body on every request (e.g. <c>{}</c> as JSON, so that routing reaches a JSON endpoint).</summary>
    public static async Task AssertWithBodyAsync(TestHost host, HttpMethod method, string path, string? jsonBody, params string[] allowedRoles)
    {
        HttpRequestMessage Request() => new(method, path)
        {
            Content = jsonBody is null ? null : new StringContent(jsonBody, System.Text.Encoding.UTF8, "application/json"),
        };

        using (var anonymous = host.CreateClient())
        {
            var response = await anonymous.SendAsync(Request());
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"anonymous {method} {path} must be refused");
        }

        foreach (var account in LocalAccounts.All)
        {
            using var client = await host.CreateClientForAsync(account.UserName);
            var response = await client.SendAsync(Request());
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
