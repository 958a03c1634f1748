using System.Text.Json.Nodes;

namespace Orchestration.Workflows.State;

/// <summary>
/// A place where an instance waits for a stimulus. <see cref="Hash"/> matches stimuli (ELSA-SEMANTICS.md §7);
/// <see cref="ResumeAt"/> is set for timers so that a sweep or Hangfire can find what is due.
/// </summary>
public sealed record Bookmark(
    string Id,
    string Name,
    string Hash,
    JsonObject? Payload,
    string ActivityId,
    string ActivityNodeId,
    string ActivityInstanceId,
    DateTimeOffset CreatedAt,
    bool AutoBurn = true,
    string? CallbackMethodName = null,
    DateTimeOffset? ResumeAt = null);
