namespace Orchestration.Workflows.Engine;

/// <summary>Where WriteLine writes (Elsa's standard-out provider); the console by default, a list in tests.</summary>
public interface IWorkflowTextOutput
{
    void WriteLine(string workflowInstanceId, string text);
}
