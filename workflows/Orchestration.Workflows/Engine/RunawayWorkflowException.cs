namespace Orchestration.Workflows.Engine;

/// <summary>A run that executed more activities than <see cref="BurstLimits.MaxActivitiesPerRun"/> without waiting: an endless loop.</summary>
public sealed class RunawayWorkflowException(long activities) : Exception(
    $"The instance ran {activities} activities without waiting for anything (limit Workflows:Runtime:MaxActivitiesPerRun); it looks like an endless loop and was stopped.");
