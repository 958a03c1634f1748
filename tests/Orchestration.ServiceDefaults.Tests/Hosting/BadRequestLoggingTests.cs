using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Observability;
using Orchestration.Testing.Hosting;

namespace Orchestration.ServiceDefaults.Tests.Hosting;

/// <summary>
/// A client's malformed body is the client's error: the log says 400 at Information, with no stack trace and nothing at
/// Error (issue 13: logged as "responded 500" at Error, and anonymous junk to the login flooded the error log).
/// Runs alone: Serilog's static logger is one per process, and hosts other tests start and stop in parallel would
/// take over or close it while this test reads its host's log.
/// </summary>
[Collection(SerialLoggingCollection.Name)]
public sealed class BadRequestLoggingTests : IAsyncLifetime
{
    private readonly string _captureFolder = Path.Combine(Path.GetTempPath(), "orchestration-tests", $"log-{Guid.NewGuid():N}");
    private TestHost? _host;

    private TestHost Host => _host!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync($"{PrivacyCapture.Setting}={_captureFolder}");

    [Fact]
    public async Task Malformed_bodies_are_logged_as_the_400s_they_are_and_nothing_reaches_the_error_level()
    {
        using var anonymous = Host.CreateClient();
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        const int junk = 20;
        for (var i = 0; i < junk; i++)
        {
            var login = await anonymous.PostAsync("/elsa/api/identity/login", new StringContent("{\"username\": [1,", Encoding.UTF8, "application/json"));
            login.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        var register = await secretary.PostAsync("/api/financial-aid/applications", new StringContent("{\"personnummer\": ", Encoding.UTF8, "application/json"));
        register.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var dump = "";
        var requests = await Poll.UntilAsync(async () =>
        {
            dump = string.Join("\n", (await ReadLogAsync()).Select(e => e.ToJsonString()).TakeLast(5));
            var logged = (await ReadLogAsync()).Where(e => e["RequestPath"] is not null && e["StatusCode"] is not null).ToList();
            return logged.Count(e => e["RequestPath"]!.ToString() is "/elsa/api/identity/login" or "/api/financial-aid/applications"
                && e["StatusCode"]!.GetValue<int>() == 400) >= junk + 1 ? logged : null;
        }, TimeSpan.FromSeconds(30), "the request log of the bad requests").ContinueWith(t => t.IsFaulted ? throw new InvalidOperationException(dump, t.Exception) : t.Result);

        requests.Where(e => e["StatusCode"]!.GetValue<int>() == 400).Should().OnlyContain(e => Level(e) == "Information");
        var events = await ReadLogAsync();
        events.Where(e => Level(e) is "Error" or "Fatal").Select(e => e["@m"]!.ToString()).Should().BeEmpty();
        events.Where(e => e["@x"] is not null).Should().BeEmpty("a client's mistake is no reason for a stack trace");
        events.Select(e => e["@m"]?.ToString()).Should().NotContain(m => m != null && m.Contains("responded 500"));
    }

    private static string Level(JsonObject logEvent) => logEvent["@l"]?.ToString() ?? "Information";

    private async Task<List<JsonObject>> ReadLogAsync()
    {
        var file = Host.Services.GetRequiredService<PrivacyCapture>().LogFile!;
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Select(TryParse).OfType<JsonObject>().ToList();
    }

    /// <summary>The last line may still be half written.</summary>
    private static JsonObject? TryParse(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_captureFolder, recursive: true);
    }
}
