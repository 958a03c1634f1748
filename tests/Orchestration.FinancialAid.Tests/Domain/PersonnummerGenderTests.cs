using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Tests.Domain;

public sealed class PersonnummerGenderTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Theory]
    [InlineData("19850315-0008", RegisteredGender.Female)]
    [InlineData("19900101-0017", RegisteredGender.Male)]
    public void The_gender_is_read_from_the_third_of_the_last_four_digits(string input, RegisteredGender gender)
    {
        Personnummer.TryParse(input, Today, out var personnummer, out var error).Should().BeTrue(error);
        personnummer!.Gender.Should().Be(gender);
    }
}
