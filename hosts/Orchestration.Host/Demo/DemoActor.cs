using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestration.Host.Demo;

/// <summary>
/// One caseworker (or the admin) calling the REST API with an API key of the role and district. Every call must
/// succeed: a refusal stops the demo with the service's ProblemDetails, so a bug in a service shows, not hides.
/// </summary>
internal sealed class DemoActor(HttpClient client, string name) : IDisposable
{
    /// <summary>How long the demo waits for the process to react to a step (the bus and the workflows are asynchronous).</summary>
    public static readonly TimeSpan ReactionTimeout = TimeSpan.FromSeconds(60);

    private const string ChangedMeanwhile = "Changed meanwhile";
    private const int ChangedMeanwhileAttempts = 5;

    public string Name { get; } = name;

    public Task<JsonObject> PostAsync(string path, object? body = null) =>
        SendAsync(HttpMethod.Post, path, body);

    public Task<JsonObject> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await client.GetAsync(path);
        return JsonNode.Parse(await EnsureAsync(response, HttpMethod.Get, path))!;
    }

    /// <summary>Asks again until <paramref name="probe"/> finds what a step brought about elsewhere.</summary>
    public static async Task<T> AwaitAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < ReactionTimeout)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new DemoStepException($"Waited {ReactionTimeout.TotalSeconds:F0} s for {what}.");
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, object? body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Conflict && attempt < ChangedMeanwhileAttempts
                && (await response.Content.ReadAsStringAsync()).Contains(ChangedMeanwhile, StringComparison.Ordinal))
            {
                // The process changed the case between our read and our write (nothing was saved): do as the answer says, again.
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
                continue;
            }

            var text = await EnsureAsync(response, method, path);
            return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        }
    }

    private async Task<string> EnsureAsync(HttpResponseMessage response, HttpMethod method, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoStepException($"{Name}: {method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text;
    }

    public void Dispose() => client.Dispose();
}
