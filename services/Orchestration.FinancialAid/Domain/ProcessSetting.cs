namespace Orchestration.FinancialAid.Domain;

/// <summary>A number the process owner sets through the API, e.g. the aid decision cap; seeded from configuration on first start.</summary>
public sealed class ProcessSetting
{
    /// <summary>The longest validity of an aid decision in days (a project decision, DOMAIN.md §3).</summary>
    public const string AidDecisionMaxValidityDays = nameof(AidDecisionMaxValidityDays);

    public required string Name { get; init; }

    public int Value { get; set; }
}
