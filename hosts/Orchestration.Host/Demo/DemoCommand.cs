using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.Host.Demo;

/// <summary>
/// <c>Orchestration.Host demo</c>: starts the embedded host in this process on a clock four months behind, drives a
/// batch of referrals through its REST APIs while moving that clock up to today, prints a summary, then keeps the host
/// running so that Studio and the pages can be looked at (unless <c>--exit</c>). The data stays in the embedded
/// database, so a later plain run shows it too.
/// </summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(DemoSettings demo, string[] hostArgs)
    {
        var clock = new DemoClock(DemoPlan.StartFor(TimeProvider.System.GetUtcNow()));
        // The demo's progress lines are what to read: the host logs warnings only, and no e-mail warnings (the demo's
        // notices show in the inbox and on the pages). An argument given wins.
        await using var app = HostProgram.Build(
            ["--Serilog:MinimumLevel:Default=Warning", "--Serilog:MinimumLevel:Override:Orchestration.FollowUps.Mail=Error", .. hostArgs], services => services.AddSingleton<TimeProvider>(clock));
        if (!app.Services.GetRequiredService<HostSettings>().IsEmbedded)
        {
            throw new HostConfigurationException(SettingNames.Profile,
                "the demo runs in the embedded profile only (its own clock, one process); it never writes demo cases into a production database.");
        }

        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var loopback = new UriBuilder(address) { Host = "127.0.0.1" }.Uri;
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        DemoSummary summary;
        try
        {
            summary = await new DemoRunner(app.Services, loopback, clock, Console.Out).RunAsync(demo.Referrals, stopping);
        }
        catch (Exception ex) when (stopping.IsCancellationRequested && ex is OperationCanceledException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync("The demo was stopped; what it did so far stays in the database.");
            return HostProgram.Failure;
        }
        catch (DemoStepException ex)
        {
            await Console.Error.WriteLineAsync($"The demo stopped: {ex.Message}");
            await app.StopAsync();
            return HostProgram.Failure;
        }

        Console.WriteLine(summary);
        Console.WriteLine($"""

            Look at it (sign in on the Studio page first; passwords in README "Local accounts"):
              {new Uri(loopback, "/pages/koordinator.html")}  coordinator / coordinator-local (Spånga-Tensta): overdue follow-ups, escalations, charts
              {new Uri(loopback, "/pages/handlaggare.html")}  socialsecretary / socialsecretary-local: my follow-ups
              {new Uri(loopback, "/studio/")}  processowner / processowner-local: running workflow instances
            """);
        if (!demo.KeepRunning)
        {
            await app.StopAsync();
            return 0;
        }

        Console.WriteLine("The host keeps running; Ctrl+C stops it (the data stays for the next run).");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
