namespace Orchestration.Workflows.Engine;

/// <summary>
/// A message (a command of Orchestration.Contracts) an activity sent in a burst. The runtime writes it to its outbox
/// in the same transaction as the burst, so a rolled-back burst sends nothing and a committed one sends it once.
/// </summary>
public sealed record OutgoingMessage(object Message);
