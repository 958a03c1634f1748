namespace Orchestration.Workflows.Messaging.Contracts;

public enum MessageKind
{
    /// <summary>Something that happened (past tense); the workflow waits for it.</summary>
    Event,

    /// <summary>Something a service is asked to do (imperative); the workflow sends it.</summary>
    Command,
}
