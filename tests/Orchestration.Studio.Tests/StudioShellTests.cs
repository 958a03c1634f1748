using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Orchestration.Studio.Tests;

/// <summary>What our shell adds to the Studio elements: sign-in, token refresh, sign-out, and read-only access for viewers.</summary>
[Collection(StudioCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed class StudioShellTests(StudioFixture fixture)
{
    private const string SessionKey = "orchestration.studio.session";

    [Fact]
    public async Task A_wrong_password_is_refused_on_the_sign_in_form()
    {
        await using var studio = await fixture.OpenShellAsync(nameof(A_wrong_password_is_refused_on_the_sign_in_form));

        await studio.Page.Locator("#login-username").FillAsync("processowner");
        await studio.Page.Locator("#login-password").FillAsync("not-the-password");
        await studio.Page.Locator("#login-submit").ClickAsync();

        await studio.Page.GetByText("Unknown user name or wrong password.").WaitForAsync();
        (await studio.Page.Locator("elsa-workflow-definition-list").CountAsync()).Should().Be(0, "no Studio element loads before sign-in");
        await studio.ScreenshotAsync("refused");
        studio.Traffic.Expect("status of 401");
        studio.Traffic.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Tokens_are_refreshed_before_they_expire_and_after_a_refusal_and_signing_out_revokes_the_session()
    {
        await using var studio = await fixture.SignInAsync("processowner", nameof(Tokens_are_refreshed_before_they_expire_and_after_a_refusal_and_signing_out_revokes_the_session));
        var first = await SessionAsync(studio);

        // Make the stored token look about to expire; the shell must refresh it before the elements start.
        await SetExpiryAsync(studio, "new Date().toISOString()");
        await studio.Page.ReloadAsync();
        await studio.WaitForViewAsync("definitions");
        await studio.Page.GetByText("Create workflow", new() { Exact = false }).First.WaitForAsync();
        var second = await SessionAsync(studio);

        second["accessToken"]!.ToString().Should().NotBe(first["accessToken"]!.ToString());
        second["refreshToken"]!.ToString().Should().NotBe(first["refreshToken"]!.ToString());
        (await studio.Page.Locator("elsa-workflow-definition-list").GetAttributeAsync("access-token")).Should().Be(second["accessToken"]!.ToString());

        // While Studio runs: a token a minute from expiry is refreshed by the shell's timer, and Studio's next call carries the new one.
        await SetExpiryAsync(studio, "new Date(Date.now() + 62000).toISOString()");
        // Waiting from before the reload: on a loaded machine the shell's timer may refresh before the view is drawn.
        await studio.Page.RunAndWaitForResponseAsync(async () =>
        {
            await studio.Page.ReloadAsync();
            await studio.WaitForViewAsync("definitions");
        }, r => r.Url.EndsWith("/elsa/api/identity/refresh-token", StringComparison.Ordinal) && r.Status == 200);
        var third = await SessionAsync(studio);
        var search = await studio.Page.RunAndWaitForRequestAsync(
            () => studio.Page.GetByPlaceholder("Search", new() { Exact = false }).First.FillAsync("Designer"),
            r => r.Url.Contains("/elsa/api/workflow-definitions?", StringComparison.Ordinal) && r.Url.Contains("SearchTerm=Designer", StringComparison.Ordinal));
        third["accessToken"]!.ToString().Should().NotBe(second["accessToken"]!.ToString());
        (await search.HeaderValueAsync("authorization")).Should().Be($"Bearer {third["accessToken"]}");
        second = third;

        // A token the server no longer accepts: the call is refused (401), the shell refreshes once and repeats it.
        studio.Traffic.Expect("status of 401");
        await studio.Page.EvaluateAsync($"() => {{ const s = JSON.parse(sessionStorage.getItem('{SessionKey}')); s.accessToken = 'expired'; sessionStorage.setItem('{SessionKey}', JSON.stringify(s)); }}");
        var repeated = await studio.Page.RunAndWaitForResponseAsync(
            () => studio.Page.GetByPlaceholder("Search", new() { Exact = false }).First.FillAsync("Designer sample"),
            r => r.Url.Contains("SearchTerm=Designer%20sample", StringComparison.Ordinal) && r.Status == 200);
        var fourth = await SessionAsync(studio);
        fourth["accessToken"]!.ToString().Should().NotBe("expired");
        (await repeated.Request.HeaderValueAsync("authorization")).Should().Be($"Bearer {fourth["accessToken"]}");
        second = fourth;

        await studio.Page.Locator("#shell-logout").ClickAsync();
        await studio.Page.Locator("#login-form").WaitForAsync();
        await studio.ScreenshotAsync("signed-out");
        using var client = fixture.Host.CreateClient();
        var reuse = await client.PostAsJsonAsync("/elsa/api/identity/refresh-token", new { refreshToken = second["refreshToken"]!.ToString() });
        reuse.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "signing out revokes the refresh token");
        (await studio.Page.EvaluateAsync<string?>($"() => sessionStorage.getItem('{SessionKey}')")).Should().BeNull();
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task A_coordinator_sees_workflows_read_only_and_Studio_saves_nothing()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var id = SampleWorkflows.NewId("readonly");
        await SampleWorkflows.SaveAsync(owner, SampleWorkflows.Load("designer-sample.json", id, $"Read only {id}"), publish: true);
        var before = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{id}");

        await using var studio = await fixture.SignInAsync("coordinator", nameof(A_coordinator_sees_workflows_read_only_and_Studio_saves_nothing));
        await studio.OpenAsync("editor", "definitionId", id);
        var node = studio.Node("Mark1");
        await node.WaitForAsync();

        var callsBeforeEdit = studio.Traffic.ApiCalls(fixture.Host.BaseAddress).Count;

        // Try to edit: drag the activity away, then select it and press Delete. An editable designer saves both.
        var box = (await node.BoundingBoxAsync())!;
        await studio.Page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await studio.Page.Mouse.DownAsync();
        await studio.Page.Mouse.MoveAsync(box.X + (box.Width / 2) + 160, box.Y + (box.Height / 2) + 90, new MouseMoveOptions { Steps = 10 });
        await studio.Page.Mouse.UpAsync();
        await node.ClickAsync();
        await studio.Page.Keyboard.PressAsync("Delete");
        await studio.ScreenshotAsync("read-only-edit-tried");

        // Bounded wait for the change Studio would send (its auto-save follows an edit within a second or two).
        var write = () => studio.Page.WaitForRequestAsync(r => r.Method != "GET" && r.Url.Contains("/elsa/api/workflow-definition", StringComparison.Ordinal),
            new PageWaitForRequestOptions { Timeout = 15_000 });
        await write.Should().ThrowAsync<TimeoutException>("a read-only editor sends no change");
        // Studio reads JavaScript type definitions by POST when it shows an activity's properties: a read, not a change.
        var changes = studio.Traffic.ApiCalls(fixture.Host.BaseAddress).Skip(callsBeforeEdit)
            .Where(c => !c.StartsWith("GET ", StringComparison.Ordinal) && !c.StartsWith("POST /elsa/api/scripting/javascript/type-definitions/", StringComparison.Ordinal));
        changes.Should().BeEmpty("the edit caused no change request");
        var after = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{id}");
        after!["version"]!.GetValue<int>().Should().Be(before!["version"]!.GetValue<int>());
        after["root"]!.ToJsonString().Should().Be(before["root"]!.ToJsonString(), "the server's definition is unchanged");

        await studio.Page.GetByText("read-only mode").WaitForAsync();
        await studio.ScreenshotAsync("read-only-editor");
        await studio.AssertHealthyAsync();
    }

    private static Task SetExpiryAsync(StudioPage studio, string expression) =>
        studio.Page.EvaluateAsync($"() => {{ const s = JSON.parse(sessionStorage.getItem('{SessionKey}')); s.expiresAt = {expression}; sessionStorage.setItem('{SessionKey}', JSON.stringify(s)); }}");

    private static async Task<JsonObject> SessionAsync(StudioPage studio) =>
        JsonNode.Parse(await studio.Page.EvaluateAsync<string>($"() => sessionStorage.getItem('{SessionKey}')"))!.AsObject();
}
