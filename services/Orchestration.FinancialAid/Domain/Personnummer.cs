using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Orchestration.FinancialAid.Domain;

/// <summary>
/// A Swedish personal identity number (personnummer) or coordination number (samordningsnummer, day + 60), checked
/// for format, a real date and the Luhn check digit. Kept only by the financial-aid module; everything else sees
/// the opaque person id.
/// </summary>
public sealed record Personnummer
{
    private Personnummer(string value, DateOnly birthDate, bool isCoordinationNumber)
    {
        Value = value;
        BirthDate = birthDate;
        IsCoordinationNumber = isCoordinationNumber;
    }

    /// <summary>Twelve digits, YYYYMMDDNNNN (the day as written, so +60 for a coordination number).</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    public bool IsCoordinationNumber { get; }

    /// <summary>The legal gender the number carries: the ninth digit (the third of the last four) is odd for men, even for women.</summary>
    public RegisteredGender Gender => (Value[10] - '0') % 2 == 1 ? RegisteredGender.Male : RegisteredGender.Female;

    /// <summary>
    /// Accepts YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN, YYMMDDNNNN and YYMMDD+NNNN ('+' for 100 years or older);
    /// a short form takes the latest century that puts the birth date on or before <paramref name="today"/>.
    /// </summary>
    public static bool TryParse(string? input, DateOnly today, [NotNullWhen(true)] out Personnummer? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        var text = input?.Trim() ?? "";
        var hundredPlus = text.Contains('+', StringComparison.Ordinal);
        var digits = text.Replace("-", "", StringComparison.Ordinal).Replace("+", "", StringComparison.Ordinal);
        if (digits.Length is not (10 or 12) || !digits.All(char.IsAsciiDigit) || text.Count(c => c is '-' or '+') > 1)
        {
            error = "A personnummer has 10 or 12 digits, e.g. 19900101-1239 or 900101-1239.";
            return false;
        }

        var separator = text.IndexOfAny(['-', '+']);
        if (separator >= 0 && separator != text.Length - 5)
        {
            error = "The separator ('-' or '+') stands before the last four digits.";
            return false;
        }

        if (digits.Length == 12 && hundredPlus)
        {
            error = "The '+' separator is only used with the 10-digit form.";
            return false;
        }

        var shortForm = digits.Length == 10 ? digits : digits[2..];
        if (!LuhnValid(shortForm))
        {
            error = "The check digit (the last digit) is wrong.";
            return false;
        }

        var month = int.Parse(shortForm[2..4], CultureInfo.InvariantCulture);
        var writtenDay = int.Parse(shortForm[4..6], CultureInfo.InvariantCulture);
        var isCoordination = writtenDay > 60;
        var day = isCoordination ? writtenDay - 60 : writtenDay;
        var year = digits.Length == 12
            ? int.Parse(digits[..4], CultureInfo.InvariantCulture)
            : Century(int.Parse(shortForm[..2], CultureInfo.InvariantCulture), month, day, today, hundredPlus);

        if (year is < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"The date part does not exist ({(isCoordination ? "coordination number, day minus 60: " : "")}{year:D4}-{month:D2}-{day:D2}).";
            return false;
        }

        var birthDate = new DateOnly(year, month, day);
        if (birthDate > today)
        {
            error = "The date part lies in the future.";
            return false;
        }

        result = new Personnummer($"{year:D4}{shortForm[2..]}", birthDate, isCoordination);
        error = null;
        return true;
    }

    /// <summary>Shown masked (YYYYMMDD-XXXX) wherever the full number is not needed.</summary>
    public string Masked => $"{Value[..8]}-XXXX";

    public override string ToString() => Masked;

    private static int Century(int twoDigitYear, int month, int day, DateOnly today, bool hundredPlus)
    {
        var year = (today.Year / 100 * 100) + twoDigitYear;
        bool After(int y) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, month) && new DateOnly(y, month, day) > today;
        if (year > today.Year || (year == today.Year && After(year)))
        {
            year -= 100;
        }

        return hundredPlus ? year - 100 : year;
    }

    private static bool LuhnValid(string tenDigits) => CheckDigit(tenDigits[..9]) == tenDigits[9] - '0';

    /// <summary>The Luhn check digit (the tenth digit) of the first nine digits of the short form, YYMMDDNNN.</summary>
    public static int CheckDigit(string nineDigits)
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
