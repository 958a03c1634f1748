using System.Reflection;
using Orchestration.Contracts.FinancialAid.Events;

namespace Orchestration.Workflows.Messaging.Contracts;

/// <summary>
/// Every message in Orchestration.Contracts, found by convention so that a new contract needs no registration:
/// namespace <c>Orchestration.Contracts.&lt;Area&gt;.Events</c> or <c>.Commands</c>.
/// </summary>
public static class MessageContractCatalog
{
    private const string Root = "Orchestration.Contracts.";

    public static IReadOnlyList<MessageContract> All { get; } = Discover(typeof(ApplicationRegistered).Assembly);

    public static IReadOnlyList<MessageContract> Discover(Assembly contracts) =>
        contracts.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith(Root, StringComparison.Ordinal) == true)
            .Select(t => Classify(t))
            .OfType<MessageContract>()
            .OrderBy(c => c.Area, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

    private static MessageContract? Classify(Type type)
    {
        var parts = type.Namespace![Root.Length..].Split('.');
        if (parts.Length != 2)
        {
            return null;
        }

        return parts[1] switch
        {
            "Events" => new MessageContract(type, MessageKind.Event, parts[0]),
            "Commands" => new MessageContract(type, MessageKind.Command, parts[0]),
            _ => null,
        };
    }
}
