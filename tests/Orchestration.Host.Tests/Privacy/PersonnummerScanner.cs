using System.Text.RegularExpressions;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.Host.Tests.Privacy;

/// <summary>
/// Finds valid personnummer and samordningsnummer (real date, Luhn check digit) in text. Digit runs inside ids
/// (Guid segments, ticks, timestamps) are skipped by the boundaries, so what remains is a real finding.
/// </summary>
internal static partial class PersonnummerScanner
{
    public static IReadOnlyList<string> Find(string text, DateOnly today) =>
        Candidate().Matches(text)
            .Select(m => m.Value)
            .Where(value => Personnummer.TryParse(value, today, out _, out _))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"(?<![0-9A-Za-z-])(\d{6}|\d{8})[-+]?\d{4}(?![0-9A-Za-z-])")]
    private static partial Regex Candidate();
}
