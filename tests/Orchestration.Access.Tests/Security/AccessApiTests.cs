using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Access;
using Orchestration.Testing.Hosting;

namespace Orchestration.Access.Tests.Security;

/// <summary>API keys and accounts: stored hashed, usable with either header, revocable, administered by Admin only.</summary>
public sealed class AccessApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task An_admin_creates_an_api_key_that_authenticates_with_either_header_until_revoked()
    {
        using var admin = await Host.CreateClientForAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/access/api-keys",
            new { name = "case system Spånga", roles = new[] { "socialsecretary" }, district = "Spanga-Tensta" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync<CreatedKey>())!;
        created.Roles.Should().Equal("SocialSecretary");

        using (var viaAuthorization = Host.CreateApiKeyClient(created.Key))
        {
            var me = await viaAuthorization.GetFromJsonAsync<Me>("/api/access/me");
            me.Should().BeEquivalentTo(new Me("case system Spånga", ["SocialSecretary"], "spanga-tensta", "apikey"));
        }

        using (var viaHeader = Host.CreateClient())
        {
            viaHeader.DefaultRequestHeaders.Add("X-Api-Key", created.Key);
            (await viaHeader.GetAsync("/api/financial-aid/")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AccessDbContext>().ApiKeys.SingleAsync(k => k.Id == created.Id);
            stored.SecretHash.Should().NotBeNullOrEmpty().And.NotContain(created.Key[^20..], "only a hash of the secret is kept");
        }

        (await admin.DeleteAsync($"/api/access/api-keys/{created.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var revoked = Host.CreateApiKeyClient(created.Key);
        (await revoked.GetAsync("/api/access/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_key_list_never_shows_secrets()
    {
        using var admin = await Host.CreateClientForAsync("admin");
        var created = (await (await admin.PostAsJsonAsync("/api/access/api-keys", new { name = "listing", roles = new[] { "Coordinator" } }))
            .Content.ReadFromJsonAsync<CreatedKey>())!;

        var list = await admin.GetStringAsync("/api/access/api-keys");

        list.Should().Contain(created.Id.ToString()).And.NotContain(created.Key);
    }

    [Fact]
    public async Task A_wrong_secret_for_a_real_key_id_is_refused()
    {
        using var admin = await Host.CreateClientForAsync("admin");
        var created = (await (await admin.PostAsJsonAsync("/api/access/api-keys", new { name = "guessing", roles = new[] { "Admin" } }))
            .Content.ReadFromJsonAsync<CreatedKey>())!;
        var guessed = created.Key[..(created.Key.LastIndexOf('_') + 1)] + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        using var client = Host.CreateApiKeyClient(guessed);
        (await client.GetAsync("/api/access/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("""{"name":"","roles":["Admin"]}""", "name")]
    [InlineData("""{"name":"x","roles":[]}""", "roles")]
    [InlineData("""{"name":"x","roles":["Janitor"]}""", "roles")]
    public async Task Invalid_key_requests_name_the_field_and_create_nothing(string body, string field)
    {
        using var admin = await Host.CreateClientForAsync("admin");
        var before = await CountKeysAsync();

        var response = await admin.PostAsync("/api/access/api-keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors.Should().ContainKey(field);
        (await CountKeysAsync()).Should().Be(before);
    }

    [Fact]
    public async Task An_admin_creates_an_account_that_can_sign_in_and_a_duplicate_name_is_a_conflict()
    {
        using var admin = await Host.CreateClientForAsync("admin");
        var request = new { userName = "Anna.Coach", password = "a-long-enough-password", roles = new[] { "JobbtorgCoach" }, district = "farsta" };

        (await admin.PostAsJsonAsync("/api/access/accounts", request)).StatusCode.Should().Be(HttpStatusCode.Created);
        var login = await Host.LoginAsync("anna.coach", "a-long-enough-password");
        login.IsAuthenticated.Should().BeTrue();

        var again = await admin.PostAsJsonAsync("/api/access/accounts", request);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("anna.coach");
    }

    [Fact]
    public async Task A_short_password_is_refused()
    {
        using var admin = await Host.CreateClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/access/accounts",
            new { userName = "short", password = "short", roles = new[] { "Coordinator" } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors.Should().ContainKey("password");
    }

    [Fact]
    public async Task Only_admin_administers_access()
    {
        await AuthorizationMatrix.AssertAsync(Host, HttpMethod.Get, "/api/access/api-keys", "Admin");
    }

    [Fact]
    public async Task Every_role_can_ask_who_it_is()
    {
        await AuthorizationMatrix.AssertAsync(Host, HttpMethod.Get, "/api/access/me",
            "ProcessOwner", "SocialSecretary", "JobbtorgCoach", "WorkConsultant", "Coordinator", "Admin");
    }

    private async Task<int> CountKeysAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccessDbContext>().ApiKeys.CountAsync();
    }

    private sealed record CreatedKey(Guid Id, string Name, string Key, string[] Roles, string? District);

    private sealed record Me(string Name, string[] Roles, string? District, string? AuthenticationMethod);
}
