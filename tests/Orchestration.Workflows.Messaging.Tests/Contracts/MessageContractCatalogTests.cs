using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.Workflows.Messaging.Contracts;

namespace Orchestration.Workflows.Messaging.Tests.Contracts;

public sealed class MessageContractCatalogTests
{
    [Fact]
    public void Finds_the_contracts_of_Orchestration_Contracts_with_their_kind_and_area()
    {
        MessageContractCatalog.All.Should().ContainEquivalentOf(
            new MessageContract(typeof(ApplicationRegistered), MessageKind.Event, "FinancialAid"));
    }

    [Fact]
    public void Classifies_by_namespace_and_ignores_types_outside_the_convention()
    {
        var found = MessageContractCatalog.Discover(typeof(MessageContractCatalogTests).Assembly);

        found.Select(c => (c.Name, c.Kind, c.Area)).Should().BeEquivalentTo(new[]
        {
            ("IssueSampleReferral", MessageKind.Command, "Sample"),
            ("SampleIntakeCompleted", MessageKind.Event, "Sample"),
        });
    }
}
