using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestration.Faults.Tests;

/// <summary>
/// A caseworker's REST call that rides out the faults: while a host is killed or a server restarts, the call is
/// repeated until it is answered. An answer 409 to a repeat after an attempt whose outcome is unknown (the connection
/// dropped) means the first attempt took effect; a 409 "Changed meanwhile" (optimistic concurrency) is retried, as it
/// asks; any other client error fails the run.
/// </summary>
internal static class Calls
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task<JsonObject> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        var clock = Stopwatch.StartNew();
        var uncertain = false;
        string last = "";
        while (clock.Elapsed < Patience)
        {
            try
            {
                using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    return text.Length > 0 && JsonNode.Parse(text) is JsonObject json ? json : [];
                }

                if (response.StatusCode == HttpStatusCode.Conflict && text.Contains("Changed meanwhile", StringComparison.Ordinal))
                {
                    // Optimistic concurrency: a consumer changed the row between our read and write; the answer says retry.
                    last = $"409: {text}";
                    await Task.Delay(TimeSpan.FromMilliseconds(200));
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.Conflict && uncertain)
                {
                    return [];
                }

                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.RequestTimeout)
                {
                    throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
                }

                // A 5xx may come from a transaction cut by a PostgreSQL restart: it may or may not have committed.
                uncertain = true;
                last = $"{(int)response.StatusCode}: {text}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                uncertain = true;
                last = ex.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new TimeoutException($"{method} {path} was not answered within {Patience} (last: {last}).");
    }

    public static Task<JsonObject> PostAsync(this HttpClient client, string path, object body) => SendAsync(client, HttpMethod.Post, path, body);

    public static Task<JsonObject> PutAsync(this HttpClient client, string path, object body) => SendAsync(client, HttpMethod.Put, path, body);

    /// <summary>A read that rides out the faults; null while the host is away.</summary>
    public static async Task<JsonNode?> ReadAsync(this HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(path);
            return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
