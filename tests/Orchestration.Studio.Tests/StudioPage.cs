using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Orchestration.Testing.Hosting;

namespace Orchestration.Studio.Tests;

/// <summary>
/// One browser page on our Studio shell: signs in through the form, opens views by URL as the shell's navigation
/// does, keeps a numbered screenshot of each step under TestResults/studio/, and checks the page stayed healthy.
/// </summary>
public sealed class StudioPage : IAsyncDisposable
{
    private readonly string _screenshotFolder;
    private int _step;

    public StudioPage(IPage page, Uri baseAddress, string testName)
    {
        Page = page;
        BaseAddress = baseAddress;
        _screenshotFolder = Path.Combine(RepositoryPaths.Root, "TestResults", "studio", testName);
        Directory.CreateDirectory(_screenshotFolder);
        // Studio boots a WebAssembly runtime before its first call (ELSA-API.md §10: 5-8 s); leave room on 2 cores.
        Page.SetDefaultTimeout(45_000);
        Traffic.Attach(page);
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    public BrowserTraffic Traffic { get; } = new();

    /// <summary>Signs in on the shell's form (the page shows it) and waits for the definitions list.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await Page.Locator("#login-username").FillAsync(userName);
        await Page.Locator("#login-password").FillAsync(password);
        await ScreenshotAsync("sign-in");
        await Page.Locator("#login-submit").ClickAsync();
        await WaitForViewAsync("definitions");
    }

    /// <summary>Opens a view the way the shell's navigation does: one page load per Studio element.</summary>
    public async Task OpenAsync(string view, string? parameterName = null, string? parameterValue = null)
    {
        var query = parameterName is null ? $"?view={view}" : $"?view={view}&{parameterName}={Uri.EscapeDataString(parameterValue!)}";
        await Page.GotoAsync(new Uri(BaseAddress, $"/studio/{query}").ToString());
        await WaitForViewAsync(view);
    }

    /// <summary>The shell marks the body once the element's tag is defined and its callbacks are set.</summary>
    public Task WaitForViewAsync(string view) =>
        Page.Locator($"body[data-studio-ready='{view}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>An activity on the canvas, by the name it shows (its id may be one Studio generated).</summary>
    public ILocator Node(string name) => Page.Locator("g.x6-node", new PageLocatorOptions
    {
        Has = Page.Locator(".activity-label", new PageLocatorOptions { HasTextRegex = new Regex($"^{Regex.Escape(name)}$") }),
    });

    /// <summary>Drags an activity from the toolbox onto the canvas, at a point relative to the canvas.</summary>
    public async Task DropActivityAsync(string category, string displayName, float x, float y)
    {
        var item = Page.Locator("div[draggable='true']", new PageLocatorOptions { HasText = displayName });
        if (!await item.IsVisibleAsync())
        {
            await Page.Locator(".mud-expand-panel-header", new PageLocatorOptions { HasText = category }).ClickAsync();
        }

        await item.DragToAsync(Page.Locator(".x6-graph"), new LocatorDragToOptions { TargetPosition = new TargetPosition { X = x, Y = y } });
    }

    /// <summary>Draws a connection with the mouse, from an outcome port of one activity to the input port of another.</summary>
    public async Task ConnectAsync(string source, string port, string target)
    {
        var from = await Node(source).Locator($"g[port='{port}'] circle.elsa-designer-port-hit-area").BoundingBoxAsync();
        var to = await Node(target).Locator("g[port-group='in'] circle.elsa-designer-port-hit-area").BoundingBoxAsync();
        await Page.Mouse.MoveAsync(from!.X + (from.Width / 2), from.Y + (from.Height / 2));
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(to!.X + (to.Width / 2), to.Y + (to.Height / 2), new MouseMoveOptions { Steps = 10 });
        await Page.Mouse.UpAsync();
    }

    /// <summary>Runs an action and waits for the editor's save (auto-save or publish) that it causes.</summary>
    public Task<IResponse> SaveCausedByAsync(Func<Task> action, bool publish, string? containing = null) =>
        Page.RunAndWaitForResponseAsync(action, response =>
            response.Request.Method == "POST"
            && response.Url.EndsWith("/elsa/api/workflow-definitions", StringComparison.Ordinal)
            && response.Request.PostData is { } body
            && body.Contains($"\"publish\":{(publish ? "true" : "false")}", StringComparison.Ordinal)
            && (containing is null || body.Contains(containing, StringComparison.Ordinal)));

    /// <param name="fullPage">The whole scrollable page rather than the window (e.g. a long timeline).</param>
    public async Task ScreenshotAsync(string step, bool fullPage = false)
    {
        _step++;
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshotFolder, $"{_step:00}-{step}.png"), FullPage = fullPage });
    }

    /// <summary>No Blazor error bar, no 404/405/500 answer and no console error since the page opened.</summary>
    public async Task AssertHealthyAsync()
    {
        (await Page.Locator("#blazor-error-ui").IsVisibleAsync()).Should().BeFalse(
            "Blazor's error bar means Studio crashed; the page reported: {0}", string.Join(Environment.NewLine, Traffic.Problems));
        Traffic.Problems.Should().BeEmpty("every request Studio makes must be answered, and the page must log no error");
    }

    public async ValueTask DisposeAsync() => await Page.Context.DisposeAsync();
}
