namespace Orchestration.Faults.Tests;

/// <summary>What the fault loop does at a random moment.</summary>
internal enum FaultKind
{
    /// <summary>SIGKILL of one workflow-engine node, then a start of it.</summary>
    KillEngineNode,

    /// <summary>SIGKILL of one service module's host, then a start of it.</summary>
    KillServiceHost,

    /// <summary>The fault RabbitMQ node stops and starts: every connection and channel drops.</summary>
    RestartRabbitMq,

    /// <summary>The fault PostgreSQL cluster stops immediately (crash-like) and starts: every connection and open transaction drops.</summary>
    RestartPostgres,

    /// <summary>
    /// Already delivered messages are published again, under their MessageId, after newer ones: duplicates that also
    /// arrive out of order (a share of the dispatched rows of every outbox set back to undispatched).
    /// </summary>
    RedeliverOldMessages,

    /// <summary>
    /// One referral's whole history (every message of every outbox that names it) is published again, under the
    /// same MessageIds, newest first: its closure before its registration. A referral that is done stays as it is.
    /// </summary>
    ReplayReferralHistoryBackwards,

    /// <summary>
    /// Time moves past the reminder point of every pending first follow-up deadline at once (past the escalation point
    /// of the escalation route's reminded ones) and past every workflow timer (the Resurs overlap); both claimers run.
    /// </summary>
    MoveTimePastDeadlines,
}
