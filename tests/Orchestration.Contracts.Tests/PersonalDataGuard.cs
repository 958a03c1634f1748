using System.Text.RegularExpressions;

namespace Orchestration.Contracts.Tests;

/// <summary>
/// Property names that suggest personal data, in English and Swedish. Deliberately broad: a false alarm costs a
/// rename, a miss leaks personal data into queues and logs.
/// </summary>
internal static partial class PersonalDataGuard
{
    public static IReadOnlyList<string> SuspiciousProperties(Type type) =>
        type.GetProperties()
            .Select(p => p.Name)
            .Where(name => Suspicious().IsMatch(name) && !Allowed().IsMatch(name))
            .ToList();

    [GeneratedRegex(
        "personnummer|personalnumber|personalidentity|samordningsnummer|ssn|socialsecurity|civicnumber|" +
        "name|namn|address|adress|street|postal|zip|phone|telefon|mobile|email|epost|mail|" +
        "birth|fodelse|födelse|age$|gender|kon$|kön|" +
        "health|halsa|hälsa|diagnos|medical|medicin|sick|sjuk|disab|funktionsned|psych|psyk|addict|missbruk|beroende",
        RegexOptions.IgnoreCase)]
    private static partial Regex Suspicious();

    /// <summary>Names that match a pattern above but are not personal data.</summary>
    [GeneratedRegex("^(EventName|MessageName|QueueName|ActivityName|WorkflowName|InterventionName|DistrictName|UnitName)$")]
    private static partial Regex Allowed();
}
