namespace Orchestration.Testing.Hosting;

/// <summary>
/// Valid personnummer for test persons born on 1 January of a year: the registration takes gender and birth year from
/// them. They never reach a log or a message (the privacy scan checks).
/// </summary>
public static class TestPersonnummer
{
    public static string Make(int birthYear, int serial, bool female)
    {
        // The third digit of the four last ones carries the gender: even for women, odd for men.
        var genderDigit = ((serial % 5) * 2) + (female ? 0 : 1);
        var body = $"{birthYear % 100:D2}0101{serial % 100:D2}{genderDigit}";
        return $"{birthYear:D4}0101-{body[6..]}{Luhn(body)}";
    }

    private static int Luhn(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var d = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (10 - (sum % 10)) % 10;
    }
}
