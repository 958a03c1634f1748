using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Activities;

/// <summary>
/// The behaviour of an activity type. A new instance is made for every invocation, with its [Input] properties
/// set from the node's evaluated inputs, so activities keep no state of their own: containers keep progress in
/// <see cref="ActivityContext.Properties"/>, which is persisted with the instance.
/// </summary>
public abstract class Activity
{
    /// <summary>Runs when the node is scheduled. Complete, create a bookmark, or schedule children.</summary>
    public abstract ValueTask ExecuteAsync(ActivityContext context);

    /// <summary>A bookmark of this execution was resumed; by default the activity completes.</summary>
    public virtual ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>A child this execution scheduled has completed (or was cancelled).</summary>
    public virtual ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child) => ValueTask.CompletedTask;

    /// <summary>A descendant sent a signal (Break, Complete); return true to stop it going further up.</summary>
    public virtual bool OnSignal(ActivityContext context, ActivitySignal signal) => false;
}
