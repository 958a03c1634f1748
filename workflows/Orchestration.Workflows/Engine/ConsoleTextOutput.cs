namespace Orchestration.Workflows.Engine;

public sealed class ConsoleTextOutput : IWorkflowTextOutput
{
    public void WriteLine(string workflowInstanceId, string text) => Console.WriteLine(text);
}
