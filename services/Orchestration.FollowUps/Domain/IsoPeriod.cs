using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestration.FollowUps.Domain;

/// <summary>
/// A calendar period in ISO 8601 form (P1M, P3M, P2W, P1Y6M, P10D): months stay months, so "P1M" after 31 January
/// is the last day of February, not 30 days. Times of day are not accepted: deadlines are dates.
/// </summary>
public sealed partial record IsoPeriod(int Years, int Months, int Weeks, int Days)
{
    public static bool TryParse(string? text, out IsoPeriod period)
    {
        period = new IsoPeriod(0, 0, 0, 0);
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim().ToUpperInvariant());
        if (!match.Success || match.Groups.Values.Skip(1).All(g => !g.Success))
        {
            return false;
        }

        int Part(int group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        period = new IsoPeriod(Part(1), Part(2), Part(3), Part(4));
        return period.AddTo(new DateOnly(2000, 1, 1)) > new DateOnly(2000, 1, 1);
    }

    public static IsoPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not an ISO 8601 period of years, months, weeks or days (e.g. P1M).");

    public DateOnly AddTo(DateOnly date) => date.AddYears(Years).AddMonths(Months).AddDays((Weeks * 7) + Days);

    public override string ToString() =>
        "P" + (Years > 0 ? $"{Years}Y" : "") + (Months > 0 ? $"{Months}M" : "") + (Weeks > 0 ? $"{Weeks}W" : "") + (Days > 0 ? $"{Days}D" : "");

    [GeneratedRegex(@"^P(?:(\d{1,3})Y)?(?:(\d{1,3})M)?(?:(\d{1,3})W)?(?:(\d{1,4})D)?$")]
    private static partial Regex Pattern();
}
