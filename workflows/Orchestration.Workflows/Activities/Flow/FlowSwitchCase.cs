using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Activities.Flow;

/// <summary>A labelled condition; the label is the port taken when it holds.</summary>
public sealed record FlowSwitchCase(string Label, JsonObject? Condition);
