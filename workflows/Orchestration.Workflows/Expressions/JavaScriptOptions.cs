namespace Orchestration.Workflows.Expressions;

/// <summary>
/// Sandbox limits for JavaScript expressions. Elsa sets none (ELSA-SEMANTICS.md §6.1); a process owner's script
/// must not be able to hang or exhaust a host, so ours are on by default.
/// </summary>
public sealed record JavaScriptOptions
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    public long MemoryLimitBytes { get; init; } = 64L * 1024 * 1024;

    public int MaxStatements { get; init; } = 10_000_000;

    public int MaxRecursionDepth { get; init; } = 256;
}
