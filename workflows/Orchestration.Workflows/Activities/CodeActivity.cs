namespace Orchestration.Workflows.Activities;

/// <summary>An activity that completes with <c>Done</c> after it runs, unless it completed itself or made a bookmark.</summary>
public abstract class CodeActivity : Activity;
