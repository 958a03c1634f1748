namespace Orchestration.Workflows.Activities.Flow;

/// <summary>A token on a connection in token-based mode (ELSA-SEMANTICS.md §3.2).</summary>
internal sealed record FlowToken(string From, string Outcome, string To, bool Consumed, bool Blocked);
