using System.Reflection;
using Orchestration.Contracts.FinancialAid.Events;

namespace Orchestration.Contracts.Tests;

/// <summary>Messages carry ids, never a personnummer, a name or a health detail (DESIGN.md, "Security and privacy").</summary>
public sealed class ContractPrivacyTests
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

    private static IEnumerable<Type> MessageTypes(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract);

    private sealed record LeakyMessage(Guid ReferralId, string Personnummer, string FirstName, string Diagnosis, string HomeAddress, string District);
}
