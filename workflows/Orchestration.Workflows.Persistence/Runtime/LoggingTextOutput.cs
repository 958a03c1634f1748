using Microsoft.Extensions.Logging;
using Orchestration.Workflows.Engine;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>WriteLine in a host goes to the structured log with the instance id, not to a bare console.</summary>
public sealed partial class LoggingTextOutput(ILogger<LoggingTextOutput> logger) : IWorkflowTextOutput
{
    public void WriteLine(string workflowInstanceId, string text) => LogLine(workflowInstanceId, text);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow {WorkflowInstanceId} wrote: {Text}")]
    private partial void LogLine(string workflowInstanceId, string text);
}
