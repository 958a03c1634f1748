namespace Orchestration.Workflows.Expressions;

/// <summary>
/// Sandbox limits for JavaScript expressions. Elsa sets none (ELSA-SEMANTICS.md §6.1); a process owner's script
/// must not be able to hang or exhaust a host, so ours are on by default.
/// </summary>
public sealed record JavaScriptOptions
{
    /// <summary>Wall time for one evaluation; a single regular-expression match gets the same bound.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Checked between statements, so one statement can overshoot it; <see cref="MaxStringLength"/> covers the big single calls.</summary>
    public long MemoryLimitBytes { get; init; } = 64L * 1024 * 1024;

    public int MaxStatements { get; init; } = 10_000_000;

    public int MaxRecursionDepth { get; init; } = 256;

    /// <summary>
    /// The longest string a script may build in one call (repeat, padStart, padEnd, join) and the longest result
    /// (as JSON text) it may return, in characters.
    /// </summary>
    public int MaxStringLength { get; init; } = 1_000_000;

    /// <summary>The largest array a script may create.</summary>
    public uint MaxArraySize { get; init; } = 1_000_000;
}
