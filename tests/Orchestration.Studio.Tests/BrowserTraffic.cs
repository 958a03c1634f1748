using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Orchestration.Studio.Tests;

/// <summary>
/// Everything the page asked for and complained about: requests with their status, failed requests and console
/// errors. The tests fail on any 404/405/500 answer and any console error, whichever call caused it.
/// </summary>
public sealed class BrowserTraffic
{
    private static readonly int[] ForbiddenStatuses = [404, 405, 500];
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentBag<string> _expected = [];

    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>What went wrong, less what the test said it expects (a refused publish, for example).</summary>
    public IReadOnlyList<string> Problems => [.. _problems.Where(p => !_expected.Any(e => p.Contains(e, StringComparison.Ordinal)))];

    public void Expect(string problemContaining) => _expected.Add(problemContaining);

    public void Attach(IPage page)
    {
        page.Response += (_, response) =>
        {
            var line = $"{response.Status} {response.Request.Method} {response.Url}";
            _requests.Enqueue(line);
            if (ForbiddenStatuses.Contains(response.Status) || response.Status > 500)
            {
                _problems.Enqueue($"HTTP {line}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Enqueue($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"page error: {error}");
    }

    /// <summary>The calls made to our API, as "METHOD path?query", for asserting what Studio used.</summary>
    public IReadOnlyList<string> ApiCalls(Uri baseAddress) =>
        Requests.Select(r => r.Split(' ', 3))
            .Where(p => p[2].StartsWith(new Uri(baseAddress, "/elsa/api/").ToString(), StringComparison.Ordinal))
            .Select(p => $"{p[1]} {new Uri(p[2]).PathAndQuery}")
            .ToList();
}
