using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Orchestration.Access;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Testing.Hosting;

namespace Orchestration.Access.Tests.Security;

/// <summary>
/// Password guessing is slowed down at the login (issue 13: 50 wrong passwords in 2 s, all 401, then the right one
/// worked). Each test has a host of its own: a blocked address would block the other tests' logins too.
/// </summary>
public sealed class SignInThrottlingTests : IAsyncLifetime
{
    private TestHost? _host;

    private TestHost Host => _host!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host!.DisposeAsync();

    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_one_waits_and_is_told_how_long()
    {
        using var client = Host.CreateClient();
        for (var i = 0; i < SignInThrottle.AccountFailureLimit; i++)
        {
            (await LoginAsync(client, "coordinator", $"guess-{i}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var locked = await LoginAsync(client, "coordinator", "coordinator-local");

        locked.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var retryAfter = locked.Headers.RetryAfter!.Delta!.Value;
        retryAfter.Should().BeGreaterThan(TimeSpan.FromMinutes(4)).And.BeLessThanOrEqualTo(SignInThrottle.AccountLockout);
        (await locked.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("try again in");
        (await LoginAsync(client, "workconsultant", "workconsultant-local")).StatusCode.Should().Be(HttpStatusCode.OK,
            "another account from the same address is not locked by five failures");
    }

    [Fact]
    public async Task An_address_that_sprays_many_user_names_is_refused_whatever_it_tries_next()
    {
        using var client = Host.CreateClient();
        for (var i = 0; i < SignInThrottle.AddressFailureLimit; i++)
        {
            (await LoginAsync(client, $"nobody-{i}", "guess")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var refused = await LoginAsync(client, "admin", "admin-local");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(SignInThrottle.AddressWindow);
    }

    [Fact]
    public async Task A_lockout_holds_against_other_spellings_and_forged_forwarding_headers_and_ends_when_its_time_is_up()
    {
        var time = new ShiftedTimeProvider();
        await using var host = await TestHost.StartAsync(time);
        using var client = host.CreateClient();
        for (var i = 0; i < SignInThrottle.AccountFailureLimit; i++)
        {
            (await LoginAsync(client, i % 2 == 0 ? "Coordinator" : " COORDINATOR ", $"guess-{i}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await LoginAsync(client, "coordinator", "coordinator-local")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests,
            "the user name's case and spaces do not make another account");
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/elsa/api/identity/login")
        {
            Content = JsonContent.Create(new { username = "coordinator", password = "coordinator-local" }),
            Headers = { { "X-Forwarded-For", "203.0.113.7" }, { "X-Real-IP", "203.0.113.7" } },
        };
        (await client.SendAsync(forged)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "a forwarding header does not change who is asking");

        time.Advance(SignInThrottle.AccountLockout + TimeSpan.FromSeconds(1));

        (await LoginAsync(client, "coordinator", "coordinator-local")).StatusCode.Should().Be(HttpStatusCode.OK, "the lockout ends after its time");
        (await LoginAsync(client, "coordinator", "wrong")).StatusCode.Should().Be(HttpStatusCode.Unauthorized,
            "a successful sign-in starts the count again, so one failure is not a lockout");
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/elsa/api/identity/login", new { username, password });
}
