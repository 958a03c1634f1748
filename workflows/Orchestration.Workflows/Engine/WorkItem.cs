using System.Text.Json.Nodes;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Engine;

/// <summary>A queued invocation: run an execution, or resume it from a bookmark with input.</summary>
internal sealed record WorkItem(string ExecutionId, Bookmark? Bookmark = null, JsonObject? Input = null);
