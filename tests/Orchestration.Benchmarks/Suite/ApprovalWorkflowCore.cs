using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// The peer workflow on WorkflowCore 3.22: start, wait for the approval event keyed by the application, decide on
/// its amount, write the outcome to the workflow's data, finish. The subscription accepts events published before
/// it exists (effective date MinValue), as our pending stimuli do.
/// </summary>
public sealed class ApprovalWorkflowCore : IWorkflow<ApprovalData>
{
    public const int Steps = 4;

    public string Id => "approval";

    public int Version => 1;

    public void Build(IWorkflowBuilder<ApprovalData> builder) => builder
        .StartWith<NoOpStep>()
        .WaitFor(BenchmarkDefinitions.ApprovalEvent, data => data.Key, data => DateTime.MinValue)
            .Output(data => data.Amount, step => (int)step.EventData)
        .If(data => data.Amount > 100).Do(then => then.StartWith<SetOutcome>()
            .Input(step => step.Value, data => "granted").Output(data => data.Outcome, step => step.Value))
        .If(data => data.Amount <= 100).Do(then => then.StartWith<SetOutcome>()
            .Input(step => step.Value, data => "refused").Output(data => data.Outcome, step => step.Value));

    public sealed class SetOutcome : StepBody
    {
        public string? Value { get; set; }

        public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
    }
}

public sealed class ApprovalData
{
    public string Key { get; set; } = "";

    public int Amount { get; set; }

    public string? Outcome { get; set; }
}
