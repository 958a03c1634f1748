namespace Orchestration.Workflows.Model;

/// <summary>A flowchart edge from an activity's outcome port to another activity (ids, not node ids).</summary>
public sealed record Connection(string Source, string SourcePort, string Target, string TargetPort);
