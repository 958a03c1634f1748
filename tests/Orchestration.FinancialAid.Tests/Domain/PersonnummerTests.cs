using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Tests.Domain;

public sealed class PersonnummerTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("19900101-0017", "199001010017", "1990-01-01")]
    [InlineData("199001010017", "199001010017", "1990-01-01")]
    [InlineData("900101-0017", "199001010017", "1990-01-01")]
    [InlineData("9001010017", "199001010017", "1990-01-01")]
    [InlineData("20000229-0005", "200002290005", "2000-02-29")]
    [InlineData("240101+0000", "192401010000", "1924-01-01")]
    [InlineData("261124-0009", "202611240009", "2026-11-24")]
    [InlineData(" 19900101-0017 ", "199001010017", "1990-01-01")]
    public void Accepts_the_written_forms_and_normalises_to_twelve_digits(string input, string value, string birthDate)
    {
        Personnummer.TryParse(input, Today, out var number, out var error).Should().BeTrue(error);

        number!.Value.Should().Be(value);
        number.BirthDate.Should().Be(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture));
        number.IsCoordinationNumber.Should().BeFalse();
    }

    [Fact]
    public void A_short_form_whose_date_has_not_come_this_century_belongs_to_the_last()
    {
        Personnummer.TryParse("261125-0008", Today, out var number, out var error).Should().BeTrue(error);

        number!.BirthDate.Should().Be(new DateOnly(1926, 11, 25));
    }

    [Fact]
    public void A_coordination_number_has_sixty_added_to_the_day()
    {
        Personnummer.TryParse("19900161-0014", Today, out var number, out var error).Should().BeTrue(error);

        number!.IsCoordinationNumber.Should().BeTrue();
        number.BirthDate.Should().Be(new DateOnly(1990, 1, 1));
        number.Value.Should().Be("199001610014");
    }

    [Theory]
    [InlineData("19900101-0018", "check digit")]
    [InlineData("19900230-0003", "does not exist")]
    [InlineData("19901301-0005", "does not exist")]
    [InlineData("19900192-0009", "does not exist")]
    [InlineData("1990010-10017", "separator")]
    [InlineData("19900101-001", "10 or 12 digits")]
    [InlineData("abcdefgh-ijkl", "10 or 12 digits")]
    [InlineData("", "10 or 12 digits")]
    [InlineData(null, "10 or 12 digits")]
    [InlineData("19900101+0017", "only used with the 10-digit form")]
    [InlineData("20271201-0004", "in the future")]
    public void Refuses_what_is_not_a_valid_number_and_says_why(string? input, string reason)
    {
        Personnummer.TryParse(input, Today, out var number, out var error).Should().BeFalse();

        number.Should().BeNull();
        error.Should().Contain(reason);
    }

    [Fact]
    public void Shows_itself_masked()
    {
        Personnummer.TryParse("19900101-0017", Today, out var number, out _).Should().BeTrue();

        number!.ToString().Should().Be("19900101-XXXX").And.NotContain("0017");
    }
}
