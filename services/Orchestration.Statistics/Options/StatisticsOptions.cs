using Microsoft.Extensions.Options;

namespace Orchestration.Statistics.Options;

/// <summary>Settings under <c>Statistics</c>.</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>A count from 1 up to this value minus one is not shown, so no person can be recognised in a small group.</summary>
    public int SuppressBelow { get; set; } = 5;

    /// <summary>The longest period one query may cover.</summary>
    public int MaxMonths { get; set; } = 120;
}

internal sealed class StatisticsOptionsValidator : IValidateOptions<StatisticsOptions>
{
    public ValidateOptionsResult Validate(string? name, StatisticsOptions options)
    {
        List<string> failures = [];
        if (options.SuppressBelow < 1)
        {
            failures.Add($"{StatisticsOptions.Section}:{nameof(StatisticsOptions.SuppressBelow)} must be 1 (show every count) or more; it is {options.SuppressBelow}.");
        }

        if (options.MaxMonths < 1)
        {
            failures.Add($"{StatisticsOptions.Section}:{nameof(StatisticsOptions.MaxMonths)} must be at least 1; it is {options.MaxMonths}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
