namespace Orchestration.Workflows.State;

/// <summary>An exception as Elsa records it; the stack trace is kept for the process owner fixing an incident.</summary>
public sealed record ExceptionState(string Type, string Message, string? StackTrace, ExceptionState? InnerException)
{
    public static ExceptionState From(Exception exception) => new(
        exception.GetType().FullName ?? exception.GetType().Name,
        exception.Message,
        exception.StackTrace,
        exception.InnerException is null ? null : From(exception.InnerException));
}
