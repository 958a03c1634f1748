using System.Text.Json.Nodes;

namespace Orchestration.Workflows.State;

/// <summary>
/// A queued invocation that a burst left when it reached its limits; the next burst (a continuation) runs it first,
/// so a long run is cut into bursts without changing the order of work.
/// </summary>
public sealed record PendingWorkItem(string ExecutionId, Bookmark? Bookmark = null, JsonObject? Input = null);
