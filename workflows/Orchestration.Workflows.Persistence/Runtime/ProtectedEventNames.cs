using Orchestration.Workflows.Activities.Scheduling;
using Orchestration.Workflows.Engine;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// Event names that state a fact only the owning service may state (one per event contract). They reach the workflows
/// through the messaging bridge; a workflow's PublishEvent may not raise them, and through HTTP only an Admin may, audited.
/// </summary>
public sealed class ProtectedEventNames
{
    private readonly HashSet<string> _names;
    private readonly HashSet<string> _bookmarkHashes;

    public ProtectedEventNames(IEnumerable<string> names)
    {
        _names = new HashSet<string>(names, StringComparer.Ordinal);
        _bookmarkHashes = _names.Select(n => BookmarkHasher.Hash("Elsa.Event", Event.PayloadFor(n))).ToHashSet(StringComparer.Ordinal);
    }

    public static ProtectedEventNames None { get; } = new([]);

    public IReadOnlyCollection<string> Names => _names;

    public bool Contains(string eventName) => _names.Contains(eventName);

    /// <summary>Whether a stored bookmark waits on one of these events (resuming it by id states the fact as well).</summary>
    public bool IsBookmarkHash(string hash) => _bookmarkHashes.Contains(hash);
}
