using System.Reflection;
using System.Text.RegularExpressions;
using Orchestration.Contracts.FinancialAid.Events;

namespace Orchestration.Contracts.Tests;

/// <summary>Messages carry ids, never a personnummer, a name or a health detail (DESIGN.md, "Security and privacy").</summary>
public sealed partial class ContractPrivacyTests
{
    private static readonly Assembly Contracts = typeof(ApplicationRegistered).Assembly;

    public static TheoryData<string> ContractNames()
    {
        var data = new TheoryData<string>();
        foreach (var type in MessageTypes(Contracts))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Contract_has_no_property_that_looks_like_personal_data(string contractName)
    {
        var type = Contracts.GetType(contractName)!;

        PersonalDataGuard.SuspiciousProperties(type).Should().BeEmpty(
            "{0} travels through RabbitMQ and workflow variables, where personal data must never appear", type.Name);
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Contract_is_a_sealed_record_in_an_events_or_commands_namespace(string contractName)
    {
        var type = Contracts.GetType(contractName)!;

        type.IsSealed.Should().BeTrue();
        type.GetMethod("<Clone>$").Should().NotBeNull("contracts are records");
        type.Namespace.Should().MatchRegex(@"^Orchestration\.Contracts\.[A-Za-z]+\.(Events|Commands)$");
        type.GetProperties().Should().OnlyContain(p => p.SetMethod == null || p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Length > 0,
            "contracts are immutable (init-only or get-only)");
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Contract_names_the_referral_it_belongs_to_so_the_workflow_can_correlate_it(string contractName)
    {
        var type = Contracts.GetType(contractName)!;

        var referralId = type.GetProperty("ReferralId");
        referralId.Should().NotBeNull("{0} must carry the referral's id", type.Name);
        referralId!.PropertyType.Should().Be<Guid>();
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Event_is_named_in_the_past_tense_and_command_in_the_imperative(string contractName)
    {
        var type = Contracts.GetType(contractName)!;
        var pastTense = PastTense().IsMatch(type.Name);

        if (type.Namespace!.EndsWith(".Events", StringComparison.Ordinal))
        {
            pastTense.Should().BeTrue("{0} is an event: something that happened", type.Name);
        }
        else
        {
            pastTense.Should().BeFalse("{0} is a command: something a service is asked to do", type.Name);
            Imperative().IsMatch(type.Name).Should().BeTrue("{0} should start with a verb", type.Name);
        }
    }

    [Fact]
    public void Guard_flags_a_message_that_carries_a_personnummer_a_name_or_a_diagnosis()
    {
        PersonalDataGuard.SuspiciousProperties(typeof(LeakyMessage))
            .Should().BeEquivalentTo(["Personnummer", "FirstName", "Diagnosis", "HomeAddress"]);
    }

    [Fact]
    public void Guard_accepts_ids_districts_and_dates()
    {
        PersonalDataGuard.SuspiciousProperties(typeof(ApplicationRegistered)).Should().BeEmpty();
    }

    [Fact]
    public void Assembly_contains_at_least_the_message_that_starts_the_referral_process()
    {
        MessageTypes(Contracts).Should().Contain(typeof(ApplicationRegistered));
    }

    [GeneratedRegex("(ed|Made|Written|Chosen|Withdrawn|Given|Taken)(To[A-Z][a-z]+)?$")]
    private static partial Regex PastTense();

    [GeneratedRegex("^(Issue|Open|Receive|Schedule|Stop|Close|Start|Record|Register|Cancel|Send|Request|Transfer)[A-Z]")]
    private static partial Regex Imperative();

    private static IEnumerable<Type> MessageTypes(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract);

    private sealed record LeakyMessage(Guid ReferralId, string Personnummer, string FirstName, string Diagnosis, string HomeAddress, string District);
}
