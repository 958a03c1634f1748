using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Orchestration.Testing.Hosting;

namespace Orchestration.Access.Tests.Security;

/// <summary>Login, token refresh and logout on Elsa's routes, against a real embedded host.</summary>
public sealed class IdentityApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_local_account_signs_in_and_its_token_carries_its_role_and_district()
    {
        var login = await Host.LoginAsync("socialsecretary", "socialsecretary-local");
        using var client = Host.CreateBearerClient(login.AccessToken);

        var me = await client.GetFromJsonAsync<Me>("/api/access/me");

        login.IsAuthenticated.Should().BeTrue();
        login.ExpiresAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
        me.Should().BeEquivalentTo(new Me("socialsecretary", ["SocialSecretary"], "spanga-tensta", "password"));
    }

    [Theory]
    [InlineData("socialsecretary", "wrong-password")]
    [InlineData("nobody", "socialsecretary-local")]
    public async Task Wrong_credentials_get_401_with_a_reason(string userName, string password)
    {
        using var client = Host.CreateClient();

        var response = await client.PostAsJsonAsync("/elsa/api/identity/login", new { username = userName, password });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Detail.Should().Be("Unknown user name or wrong password.");
    }

    [Fact]
    public async Task Missing_fields_get_a_validation_problem_naming_them()
    {
        using var client = Host.CreateClient();

        var response = await client.PostAsJsonAsync("/elsa/api/identity/login", new { username = " " });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        problem!.Errors.Keys.Should().BeEquivalentTo(["username", "password"]);
    }

    [Fact]
    public async Task Malformed_json_gets_a_problem_that_says_so()
    {
        using var client = Host.CreateClient();

        var response = await client.PostAsync("/elsa/api/identity/login",
            new StringContent("{\"username\": ", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Detail.Should().Contain("JSON");
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_a_replayed_one_ends_every_session_of_the_account()
    {
        var first = await Host.LoginAsync("coordinator", "coordinator-local");
        using var client = Host.CreateClient();

        var refreshed = await client.PostAsJsonAsync("/elsa/api/identity/refresh-token", new { refreshToken = first.RefreshToken });
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var second = (await refreshed.Content.ReadFromJsonAsync<LoginResult>())!;
        second.RefreshToken.Should().NotBe(first.RefreshToken);

        var replay = await client.PostAsJsonAsync("/elsa/api/identity/refresh-token", new { refreshToken = first.RefreshToken });
        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var afterReplay = await client.PostAsJsonAsync("/elsa/api/identity/refresh-token", new { refreshToken = second.RefreshToken });
        afterReplay.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a replayed token revokes the whole family");
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var login = await Host.LoginAsync("workconsultant", "workconsultant-local");
        using var client = Host.CreateClient();

        (await client.PostAsJsonAsync("/elsa/api/identity/logout", new { refreshToken = login.RefreshToken }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await client.PostAsJsonAsync("/elsa/api/identity/refresh-token", new { refreshToken = login.RefreshToken }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_or_foreign_token_is_refused()
    {
        var login = await Host.LoginAsync("admin", "admin-local");
        var parts = login.AccessToken.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}x.{parts[2]}";
        using var client = Host.CreateBearerClient(tampered);

        (await client.GetAsync("/api/access/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_replayed_refresh_token_of_one_session_ends_the_accounts_other_sessions_too()
    {
        var laptop = await Host.LoginAsync("jobbtorgcoach", "jobbtorgcoach-local");
        var phone = await Host.LoginAsync("jobbtorgcoach", "jobbtorgcoach-local");
        using var client = Host.CreateClient();
        var refreshed = await client.PostAsJsonAsync("/elsa/api/identity/refresh-token", new { refreshToken = laptop.RefreshToken });
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var laptopNext = (await refreshed.Content.ReadFromJsonAsync<LoginResult>())!;

        var replay = await client.PostAsJsonAsync("/elsa/api/identity/refresh-token", new { refreshToken = laptop.RefreshToken });

        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/elsa/api/identity/refresh-token", new { refreshToken = phone.RefreshToken }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the other session belongs to the account whose token was copied");
        (await client.PostAsJsonAsync("/elsa/api/identity/refresh-token", new { refreshToken = laptopNext.RefreshToken }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Host.LoginAsync("jobbtorgcoach", "jobbtorgcoach-local")).IsAuthenticated.Should().BeTrue("signing in again starts afresh");
    }

    [Fact]
    public async Task Parallel_refreshes_with_one_token_give_one_new_pair_and_the_reuse_revokes_even_that_pair()
    {
        using var client = Host.CreateClient();
        for (var trial = 0; trial < 5; trial++)
        {
            var login = await Host.LoginAsync("socialsecretary", "socialsecretary-local");

            var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
                client.PostAsJsonAsync("/elsa/api/identity/refresh-token", new { refreshToken = login.RefreshToken })));

            var winners = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
            winners.Should().ContainSingle($"one token buys one pair (trial {trial})");
            answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized).Should().Be(9);
            var issued = (await winners[0].Content.ReadFromJsonAsync<LoginResult>())!;
            (await client.PostAsJsonAsync("/elsa/api/identity/refresh-token", new { refreshToken = issued.RefreshToken }))
                .StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"the losers' reuse revoked the pair issued around it (trial {trial})");
        }
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_though_its_claims_are_those_of_an_admin()
    {
        var login = await Host.LoginAsync("admin", "admin-local");
        var genuine = new JsonWebTokenHandler().ReadJsonWebToken(login.AccessToken);
        var foreignKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var foreign = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = genuine.Issuer,
            Audience = genuine.Audiences.Single(),
            Subject = new ClaimsIdentity(genuine.Claims.Where(c => c.Type is "sub" or "name" or "role" or "amr")),
            Expires = genuine.ValidTo,
            SigningCredentials = new SigningCredentials(foreignKey, SecurityAlgorithms.HmacSha256),
        });
        using var genuineClient = Host.CreateBearerClient(login.AccessToken);
        using var foreignClient = Host.CreateBearerClient(foreign);

        (await genuineClient.GetAsync("/api/access/api-keys")).StatusCode.Should().Be(HttpStatusCode.OK, "the same claims under our key are an admin's");
        (await foreignClient.GetAsync("/api/access/api-keys")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await foreignClient.GetAsync("/api/access/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_overlong_password_is_refused_before_it_is_hashed_and_a_huge_body_is_not_read()
    {
        using var client = Host.CreateClient();

        var overlong = await client.PostAsJsonAsync("/elsa/api/identity/login", new { username = "admin", password = new string('x', 257) });
        var huge = await client.PostAsJsonAsync("/elsa/api/identity/login", new { username = "admin", password = new string('x', 100 * 1024) });

        overlong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await overlong.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors.Keys.Should().Equal("password");
        huge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    private sealed record Me(string Name, string[] Roles, string? District, string? AuthenticationMethod);
}
