namespace Orchestration.Workflows.Activities.Flow;

/// <summary>Evaluates its cases in order; MatchFirst takes the first true label, MatchAny all of them; none → Default.</summary>
[Activity("Elsa", "FlowSwitch", Category = "Branching", DisplayName = "Switch (flow)", Description = "Continue on the port of the matching case.")]
[FlowNode("Default")]
public sealed class FlowSwitch : Activity
{
    [Input(Description = "The cases to evaluate.", UIHint = "flow-switch-editor", IsWrapped = false)]
    public List<FlowSwitchCase> Cases { get; set; } = [];

    [Input(Description = "Take the first matching case, or every matching case.", UIHint = "dropdown")]
    public SwitchMode Mode { get; set; } = SwitchMode.MatchFirst;

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var matches = new List<string>();
        foreach (var @case in Cases)
        {
            var holds = @case.Condition is { } condition && await context.EvaluateExpressionAsync(condition, typeof(bool)) is true;
            if (holds)
            {
                matches.Add(@case.Label);
                if (Mode == SwitchMode.MatchFirst)
                {
                    break;
                }
            }
        }

        context.Complete(matches.Count == 0 ? ["Default"] : matches);
    }
}
