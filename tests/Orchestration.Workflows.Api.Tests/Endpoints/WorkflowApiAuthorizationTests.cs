using System.Net;
using Orchestration.Access;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Testing.Hosting;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>
/// Each role against each route of the workflow API and each page: everyone signed in reads (instances then scoped
/// by district), only process owners and admins change or run anything; the pages hold no data and are open.
/// </summary>
public sealed class WorkflowApiAuthorizationTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private const string Api = "/elsa/api";
    private static readonly string[] Everyone = [.. Roles.All];
    private static readonly string[] Designers = [Roles.ProcessOwner, Roles.Admin];

    public static TheoryData<string, string, string[]> Endpoints() => new()
    {
        { "GET", $"{Api}/workflow-definitions", Everyone },
        { "GET", $"{Api}/workflow-definitions/by-definition-id/no-such", Everyone },
        { "GET", $"{Api}/workflow-definitions/no-such/export", Everyone },
        { "POST", $"{Api}/workflow-definitions", Designers },
        { "POST", $"{Api}/workflow-definitions/import", Designers },
        { "POST", $"{Api}/workflow-definitions/no-such/publish", Designers },
        { "POST", $"{Api}/workflow-definitions/no-such/retract", Designers },
        { "POST", $"{Api}/workflow-definitions/no-such/execute", Designers },
        { "DELETE", $"{Api}/workflow-definitions/no-such", Designers },
        { "POST", $"{Api}/workflow-instances", Everyone },
        { "GET", $"{Api}/workflow-instances/no-such", Everyone },
        { "GET", $"{Api}/workflow-instances/no-such/journal", Everyone },
        { "GET", $"{Api}/workflow-instances/no-such/variables", Everyone },
        { "GET", $"{Api}/workflow-instances/no-such/incidents", Everyone },
        { "GET", $"{Api}/workflow-instances/no-such/export", Everyone },
        { "GET", $"{Api}/activity-executions/list?workflowInstanceId=no-such", Everyone },
        { "GET", $"{Api}/activity-executions/by-id?id=no-such", Everyone },
        { "POST", $"{Api}/workflow-instances/no-such/retry", Designers },
        { "DELETE", $"{Api}/workflow-instances/no-such", Designers },
        { "POST", $"{Api}/cancel/workflow-instances/no-such", Designers },
        { "POST", $"{Api}/bulk-actions/cancel/workflow-instances", Designers },
        { "POST", $"{Api}/events/GoAhead/trigger", Designers },
        { "POST", $"{Api}/bookmarks/no-such/resume", Designers },
        { "GET", $"{Api}/descriptors/activities", Everyone },
        { "GET", $"{Api}/package/version", Everyone },
        { "GET", $"{Api}/runtime/dead", Designers },
        { "GET", $"{Api}/runtime/stuck", Designers },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public Task Only_the_allowed_roles_reach_the_endpoint(string method, string path, string[] allowedRoles) =>
        // Changes carry an (empty) JSON body, as Studio sends them: without one, routing would pass over JSON endpoints.
        AuthorizationMatrix.AssertWithBodyAsync(fixture.Host, new HttpMethod(method), path, method == "POST" ? "{}" : null, allowedRoles);

    [Fact]
    public async Task A_contract_event_is_open_to_admins_only_whatever_the_policy_of_the_route()
    {
        await AuthorizationMatrix.AssertWithBodyAsync(fixture.Host, HttpMethod.Post, $"{Api}/events/RouteDecided/trigger", "{}", Roles.Admin);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/studio/")]
    [InlineData("/studio/shell/shell.js")]
    [InlineData("/scalar/")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/health/live")]
    public async Task Pages_that_hold_no_data_are_open_to_everyone(string path)
    {
        using (var anonymous = fixture.Host.CreateClient())
        {
            (await anonymous.GetAsync(path)).StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.Redirect], $"anonymous GET {path}");
        }

        foreach (var account in LocalAccounts.All)
        {
            using var client = await fixture.Host.CreateClientForAsync(account.UserName);
            (await client.GetAsync(path)).StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.Redirect], $"{account.Role} GET {path}");
        }
    }

    [Theory]
    [InlineData("/studio/", "text/html")]
    [InlineData("/studio/shell/shell.js", "text/javascript")]
    public async Task A_page_answers_HEAD_like_GET_without_a_body(string path, string contentType)
    {
        using var anonymous = fixture.Host.CreateClient();
        var get = await anonymous.GetAsync(path);

        var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Content.Headers.ContentType!.MediaType.Should().Be(contentType);
        head.Content.Headers.ContentLength.Should().Be(get.Content.Headers.ContentLength);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }
}
