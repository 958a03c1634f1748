namespace Orchestration.Workflows.Activities.Flow;

public enum SwitchMode
{
    /// <summary>The first case whose condition is true.</summary>
    MatchFirst,

    /// <summary>Every case whose condition is true.</summary>
    MatchAny,
}
