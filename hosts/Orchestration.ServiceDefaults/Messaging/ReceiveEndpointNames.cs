using System.Collections.Concurrent;

namespace Orchestration.ServiceDefaults.Messaging;

/// <summary>The receive endpoints (queues) this host's bus configured; each has an error queue named <c>&lt;queue&gt;_error</c>.</summary>
public sealed class ReceiveEndpointNames
{
    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> All => _names.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();

    public void Add(string name) => _names.TryAdd(name, 0);

    public bool Contains(string name) => _names.ContainsKey(name);
}
