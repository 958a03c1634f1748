using FluentAssertions;

namespace Orchestration.Host.Tests.Privacy;

public sealed class PersonnummerScannerTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData("registered 19900101-0017 today", "19900101-0017")]
    [InlineData("{\"pnr\":\"9001010017\"}", "9001010017")]
    [InlineData("samordningsnummer 19900161-0014 found", "19900161-0014")]
    public void A_valid_number_in_a_log_line_is_found(string line, string expected)
    {
        PersonnummerScanner.Find(line, Today).Should().Equal(expected);
    }

    [Theory]
    [InlineData("id 19900101-0017-4c2a-9b1e-1234567890ab")]
    [InlineData("ticks 638999999999999999 and 20261125005542")]
    [InlineData("wrong check digit 19900101-0018")]
    [InlineData("no such date 19900230-0003")]
    public void Ids_timestamps_and_invalid_numbers_are_not_findings(string line)
    {
        PersonnummerScanner.Find(line, Today).Should().BeEmpty();
    }
}
