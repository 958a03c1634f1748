namespace Orchestration.Workflows.Expressions;

/// <summary>
/// Sandbox limits for Liquid templates. Elsa sets none (ELSA-SEMANTICS.md §6.2); a template in a process owner's
/// workflow must not be able to hang a node or fill its memory, so ours are on by default.
/// </summary>
public sealed record LiquidOptions
{
    /// <summary>Wall time for one render; also bounded by the burst's cancellation.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Fluid's step counter (loop iterations and statements).</summary>
    public int MaxSteps { get; init; } = 100_000;

    /// <summary>The largest range <c>(a..b)</c> a template may build; Fluid materialises a range before its loop counts steps.</summary>
    public int MaxRangeSize { get; init; } = 100_000;

    /// <summary>The longest text a render may produce, in characters.</summary>
    public int MaxOutputLength { get; init; } = 100_000;

    /// <summary>How deep includes and nested blocks may go.</summary>
    public int MaxRecursion { get; init; } = 32;
}
