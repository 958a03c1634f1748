using System.Text.Json.Nodes;
using Orchestration.Workflows.Model;

namespace Orchestration.Workflows.Activities.Scheduling;

/// <summary>
/// The event names a definition's Event activities can wait for. A name given by an expression rather than a literal
/// could be any name, so it makes the definition "may await anything".
/// </summary>
public sealed record AwaitedEvents(IReadOnlySet<string> Names, bool Any)
{
    public static AwaitedEvents Of(WorkflowDefinition definition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var any = false;
        foreach (var node in definition.Nodes.Where(n => n.Type == TriggerSchedules.EventName))
        {
            if (LiteralEventName(node) is { } name)
            {
                names.Add(name);
            }
            else
            {
                any = true;
            }
        }

        return new AwaitedEvents(names, any);
    }

    private static string? LiteralEventName(ActivityNode node) => node.Property("eventName") switch
    {
        JsonObject wrapped when wrapped["expression"] is JsonObject expression =>
            expression["type"]?.ToString() is null or "Literal" ? NonEmpty(expression["value"]?.ToString()) : null,
        JsonValue value => NonEmpty(value.ToString()),
        _ => null,
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
