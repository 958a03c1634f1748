using System.Text.RegularExpressions;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.FinancialAid.Domain;

/// <summary>What makes a code, a label and the aid decision cap acceptable to the process owner's edits.</summary>
public static partial class CodeListRules
{
    public const int CodeLength = 60;

    public const int LabelLength = 200;

    /// <summary>Ten years: beyond that an aid decision cap is a typo, not a policy.</summary>
    public const int MaxAidDecisionDays = 3660;

    public static void CheckCode(ValidationErrors errors, string code)
    {
        if (!CodeFormat().IsMatch(code))
        {
            errors.Add("code", $"A code is a letter then letters or digits, at most {CodeLength} characters, e.g. 'Debts'.");
        }
    }

    /// <summary>A label is required when adding a code; when renaming, null keeps the current one.</summary>
    public static void CheckLabel(ValidationErrors errors, string? label, bool required)
    {
        if ((label is null && required) || label is { Length: 0 or > LabelLength })
        {
            errors.Add("label", $"Give a Swedish label of 1 to {LabelLength} characters{(required ? "" : ", or leave it out to keep the current one")}.");
        }
    }

    public static void CheckAidDecisionCap(ValidationErrors errors, int? days)
    {
        if (days is null or < 1 or > MaxAidDecisionDays)
        {
            errors.Add("days", $"The longest validity of an aid decision is 1 to {MaxAidDecisionDays} days.");
        }
    }

    /// <summary>
    /// The lists a code of <paramref name="list"/> must not already be in: its own, and for a target group the other
    /// target-group list too, since a group is either Jobbtorg's or another, never both.
    /// </summary>
    public static IReadOnlyList<CodeList> ExclusiveWith(CodeList list) => list switch
    {
        CodeList.JobbtorgTargetGroup or CodeList.OtherTargetGroup => [CodeList.JobbtorgTargetGroup, CodeList.OtherTargetGroup],
        _ => [list],
    };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,59}$")]
    private static partial Regex CodeFormat();
}
