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

    /// <summary>Time moves past the reminder point of every pending follow-up deadline at once; both claimers run.</summary>
    MoveTimePastDeadlines,
}
