using Microsoft.Playwright;
using Orchestration.Testing.Hosting;

namespace Orchestration.Studio.Tests;

/// <summary>
/// One embedded host and one headless Chromium for the whole browser suite. Chromium is Debian's
/// (<c>deploy/local/infra.sh install chromium</c>); Playwright never downloads a browser here.
/// </summary>
public sealed class StudioFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private TestHost? _host;

    public TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not at {ChromiumPath}: run 'bash deploy/local/infra.sh install chromium' as root.");
        }

        // Playwright's assertions wait 5 s by default; Studio on a busy 2-core machine needs the same room as its waits.
        Assertions.SetDefaultExpectTimeout(45_000);
        _host = await TestHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A fresh browser context (own session storage) on the shell's sign-in form.</summary>
    public async Task<StudioPage> OpenShellAsync(string testName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var studio = new StudioPage(await context.NewPageAsync(), Host.BaseAddress, testName);
        await studio.Page.GotoAsync(new Uri(Host.BaseAddress, "/studio/").ToString());
        await studio.Page.Locator("#login-form").WaitForAsync();
        return studio;
    }

    /// <summary>A fresh browser context signed in to the shell as this local account, on the definitions list.</summary>
    public async Task<StudioPage> SignInAsync(string userName, string testName)
    {
        var studio = await OpenShellAsync(testName);
        await studio.SignInAsync(userName, LocalAccountPassword(userName));
        return studio;
    }

    public static string LocalAccountPassword(string userName) =>
        Orchestration.Access.LocalAccounts.All.Single(a => a.UserName == userName).Password;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
