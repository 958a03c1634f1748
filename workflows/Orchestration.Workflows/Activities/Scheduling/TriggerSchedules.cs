using System.Globalization;
using Cronos;
using Orchestration.Workflows.Model;

namespace Orchestration.Workflows.Activities.Scheduling;

/// <summary>One activity that can start its workflow: an Event by name, or a Timer, StartAt or Cron by schedule.</summary>
public sealed record TriggerDefinition(string ActivityId, string Name, string Value);

/// <summary>
/// The triggers of a published definition (ELSA-SEMANTICS.md §7: activities marked "can start workflow") and
/// when a scheduled one next fires. Triggers read literal inputs only, as the runtime indexes them at publish time.
/// </summary>
public static class TriggerSchedules
{
    public const string EventName = "Elsa.Event";
    public const string TimerName = "Elsa.Timer";
    public const string StartAtName = "Elsa.StartAt";
    public const string CronName = "Elsa.Cron";

    private static readonly Dictionary<string, string> InputByType = new(StringComparer.Ordinal)
    {
        [EventName] = "eventName",
        [TimerName] = "interval",
        [StartAtName] = "dateTime",
        [CronName] = "cronExpression",
    };

    public static IReadOnlyList<TriggerDefinition> Of(WorkflowDefinition definition) =>
        definition.Nodes
            .Where(n => n.CanStartWorkflow && InputByType.ContainsKey(n.Type))
            .Select(n => (Node: n, Value: Literal(n, InputByType[n.Type])))
            .Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .Select(t => new TriggerDefinition(t.Node.Id, t.Node.Type, t.Value!))
            .ToList();

    public static bool IsScheduled(string name) => name is TimerName or StartAtName or CronName;

    /// <summary>The first occurrence strictly after <paramref name="after"/>; null when there is none (a StartAt in the past).</summary>
    public static DateTimeOffset? NextOccurrence(string name, string value, DateTimeOffset after, DateTimeOffset publishedAt) => name switch
    {
        TimerName when TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero =>
            publishedAt + (interval * (Math.Floor((after - publishedAt) / interval) + 1)),
        StartAtName when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) =>
            at > after ? at : null,
        CronName => NextCronOccurrence(value, after),
        _ => null,
    };

    /// <summary>Five fields, or six with seconds first (Elsa's form); evaluated in UTC.</summary>
    public static DateTimeOffset? NextCronOccurrence(string expression, DateTimeOffset after)
    {
        var format = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.Parse(expression, format).GetNextOccurrence(after, TimeZoneInfo.Utc);
    }

    private static string? Literal(ActivityNode node, string input) => node.Property(input) switch
    {
        System.Text.Json.Nodes.JsonObject wrapped when wrapped["expression"] is System.Text.Json.Nodes.JsonObject expression => expression["value"]?.ToString(),
        System.Text.Json.Nodes.JsonValue value => value.ToString(),
        _ => null,
    };
}
