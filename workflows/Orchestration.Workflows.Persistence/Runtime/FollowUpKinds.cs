namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>What a follow-up row asks for; the payload of each holds ids (and a published event's payload).</summary>
public static class FollowUpKinds
{
    /// <summary>PublishEvent: deliver the event (eventName, correlationId, workflowInstanceId, payload).</summary>
    public const string PublishEvent = "PublishEvent";

    /// <summary>DispatchWorkflow: start the published definition (definitionId) as instanceId, child of parentInstanceId.</summary>
    public const string Dispatch = "Dispatch";

    /// <summary>A child finished: resume its parent's bookmark on it with the child's output.</summary>
    public const string ResumeParent = "ResumeParent";

    /// <summary>An instance was cancelled: cancel the children it dispatched that still run.</summary>
    public const string CancelChildren = "CancelChildren";

    /// <summary>A burst stopped at its limits: run the work it left (instanceId) in a new burst, under the lock again.</summary>
    public const string Continue = "Continue";
}
