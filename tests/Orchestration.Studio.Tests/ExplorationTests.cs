using System.Text.Json.Nodes;
using System.Net.Http.Json;

namespace Orchestration.Studio.Tests;

[Collection(StudioCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ExplorationTests(StudioFixture fixture)
{
    [Fact]
    public async Task Explore()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var model = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", "designer-sample.json")))!.AsObject();
        (await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true })).EnsureSuccessStatusCode();
        await using var studio = await fixture.SignInAsync("processowner", nameof(Explore));
        try
        {
        await studio.Page.GetByText("Designer sample").First.WaitForAsync();
        await studio.ScreenshotAsync("list");
        File.WriteAllText("/tmp/explore-list.html", await studio.Page.ContentAsync());
        await studio.OpenAsync("editor", "definitionId", "designer-sample");
        await studio.Page.GetByText("Wait1").First.WaitForAsync();
        await studio.ScreenshotAsync("editor");
        File.WriteAllText("/tmp/explore-editor.html", await studio.Page.ContentAsync());
        }
        finally
        {
            await studio.ScreenshotAsync("end");
            File.WriteAllLines("/tmp/explore-traffic.txt", studio.Traffic.Requests.Concat(["--- problems"]).Concat(studio.Traffic.Problems));
        }
    }
}
