using FluentAssertions;
using Orchestration.ServiceDefaults.Observability;

namespace Orchestration.Host.Tests.Privacy;

/// <summary>
/// Runs after the whole suite (deploy/local/run-tests.sh runs it last): every log event and every message body the
/// suite's hosts wrote to the capture directory is scanned, and none may hold a personnummer.
/// </summary>
[Trait("Category", "PrivacyScan")]
[Trait("Category", "Integration")]
public sealed class SuitePrivacyScanTests
{
    [Fact]
    public void No_log_line_or_message_of_the_whole_suite_holds_a_personnummer()
    {
        var directory = Environment.GetEnvironmentVariable(PrivacyCapture.Setting.Replace(":", "__", StringComparison.Ordinal));
        directory.Should().NotBeNullOrEmpty($"run the suite through deploy/local/run-tests.sh, which sets {PrivacyCapture.Setting} and runs this scan last");
        Directory.Exists(directory).Should().BeTrue($"the suite's hosts write their logs and messages to {directory}");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var findings = new List<string>();
        var logLines = 0;
        var messages = 0;
        foreach (var file in Directory.EnumerateFiles(directory!, "*.txt"))
        {
            var isMessages = Path.GetFileName(file).StartsWith("messages-", StringComparison.Ordinal);
            foreach (var line in File.ReadLines(file))
            {
                _ = isMessages ? messages++ : logLines++;
                findings.AddRange(PersonnummerScanner.Find(line, today).Select(found => $"{Path.GetFileName(file)}: {found}"));
            }
        }

        logLines.Should().BeGreaterThan(100, "the suite's hosts log; an empty capture would prove nothing");
        messages.Should().BeGreaterThan(10, "the suite sends messages; an empty capture would prove nothing");
        findings.Should().BeEmpty("no personnummer may appear in logs or messages ({0} log lines and {1} messages scanned)", logLines, messages);
    }
}
