using System.Globalization;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.Host.Demo;

/// <summary>
/// Made-up personnummer for the demo's people (ages 20–64, both genders), valid so that the registration accepts them
/// and takes gender and birth year from them. They go only to financial aid's registration; the demo never prints them.
/// </summary>
internal static class DemoPersonnummer
{
    public static string Make(Random random, int thisYear)
    {
        var birth = new DateOnly(thisYear - random.Next(20, 65), 1, 1).AddDays(random.Next(0, 365));
        var serial = random.Next(0, 1000);
        var body = string.Create(CultureInfo.InvariantCulture, $"{birth:yyMMdd}{serial:D3}");
        return string.Create(CultureInfo.InvariantCulture, $"{birth:yyyyMMdd}-{body[6..]}{Personnummer.CheckDigit(body)}");
    }
}
