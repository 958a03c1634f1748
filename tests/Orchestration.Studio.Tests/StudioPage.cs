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

    public async Task SignInAsync(string userName, string password)
    {
        await Page.GotoAsync(new Uri(BaseAddress, "/studio/").ToString());
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

    public async Task ScreenshotAsync(string step)
    {
        _step++;
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshotFolder, $"{_step:00}-{step}.png") });
    }

    /// <summary>No Blazor error bar, no 404/405/500 answer and no console error since the page opened.</summary>
    public async Task AssertHealthyAsync()
    {
        (await Page.Locator("#blazor-error-ui").IsVisibleAsync()).Should().BeFalse("Blazor's error bar means Studio crashed");
        Traffic.Problems.Should().BeEmpty("every request Studio makes must be answered, and the page must log no error");
    }

    public async ValueTask DisposeAsync() => await Page.Context.DisposeAsync();
}
