using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Activities.Flow;

/// <summary>
/// Elsa's token-based flowchart mode (ELSA-SEMANTICS.md §3): completed activities emit tokens on taken ports; a
/// target runs according to its merge mode (Stream, Merge, Converge, Race, Cascade). There is no dead-path
/// elimination: a merge waiting for a branch that was never taken waits for ever (Suspended without bookmarks).
/// </summary>
internal static class TokenFlow
{
    public const string ModeProperty = "Flowchart:ExecutionMode";
    private const string TokensKey = "tokens";

    /// <summary>The instance property decides, else the server's default mode (ELSA-SEMANTICS.md §3.1).</summary>
    public static bool IsEnabled(ActivityContext context) =>
        (context.Workflow.Properties[ModeProperty]?.ToString() is { Length: > 0 } mode && !string.Equals(mode, "Default", StringComparison.OrdinalIgnoreCase)
            ? mode
            : context.DefaultFlowchartExecutionMode) is { } chosen
        && (string.Equals(chosen, "TokenBased", StringComparison.OrdinalIgnoreCase) || chosen == "2");

    public static async Task OnChildCompletedAsync(ActivityContext context, FlowGraph graph, ChildCompletion child)
    {
        var tokens = Load(context);
        var source = child.Node.Id;
        if (context.DescriptorOf(child.Node)?.IsTerminal == true)
        {
            Save(context, []);
            context.Complete();
            return;
        }

        var emitted = graph.Outbound(source).Where(c => child.Outcomes.Contains(c.SourcePort, StringComparer.Ordinal)).ToList();
        tokens.AddRange(emitted.Select(c => new FlowToken(source, c.SourcePort, c.Target, Consumed: false, Blocked: false)));
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].To == source && !tokens[i].Consumed && !tokens[i].Blocked)
            {
                tokens[i] = tokens[i] with { Consumed = true };
            }
        }

        foreach (var connection in emitted)
        {
            var target = context.Node.Activities.First(a => a.Id == connection.Target);
            await ArriveAsync(context, graph, tokens, connection, target);
        }

        tokens.RemoveAll(t => t.To == source && t.Consumed);
        var pending = context.Children.Any(c => c.Status is ActivityStatus.Pending or ActivityStatus.Running or ActivityStatus.Faulted)
            || tokens.Any(t => !t.Consumed && !t.Blocked);
        Save(context, pending ? tokens : []);
        if (!pending)
        {
            context.Complete();
        }
    }

    private static async Task ArriveAsync(ActivityContext context, FlowGraph graph, List<FlowToken> tokens, Connection arrival, ActivityNode target)
    {
        var forwardInbound = graph.ForwardInbound(target.Id);
        var mode = await MergeModeAsync(context, target);
        bool HasToken(Connection c) => tokens.Any(t => t.From == c.Source && t.Outcome == c.SourcePort && t.To == c.Target && !t.Consumed && !t.Blocked);

        switch (mode)
        {
            case "Merge":
            case "Converge":
                var inbound = mode == "Merge" ? forwardInbound : graph.Connections.Where(c => c.Target == target.Id).ToList();
                if (inbound.Count <= 1 || inbound.All(HasToken))
                {
                    context.ScheduleChild(target);
                }

                break;
            case "Race":
            case "Cascade":
                var blocked = tokens.FindIndex(t => t.From == arrival.Source && t.To == target.Id && t.Blocked);
                if (blocked >= 0)
                {
                    // A later arrival on a blocked branch consumes the block and does not run the target again.
                    tokens[blocked] = tokens[blocked] with { Blocked = false, Consumed = true };
                    tokens.RemoveAll(t => t.From == arrival.Source && t.To == target.Id && !t.Consumed && t.Outcome == arrival.SourcePort);
                    break;
                }

                if (mode == "Race")
                {
                    var ancestors = graph.AncestorsOf(target.Id);
                    foreach (var running in context.Children.Where(c => c.Status == ActivityStatus.Running && ancestors.Contains(c.ActivityId)))
                    {
                        context.Cancel(running);
                    }
                }

                tokens.AddRange(forwardInbound.Where(c => c.Source != arrival.Source)
                    .Select(c => new FlowToken(c.Source, c.SourcePort, c.Target, Consumed: false, Blocked: true)));
                context.ScheduleChild(target);
                break;
            default:
                // Stream: run once nothing upstream of the target is still in flight.
                var upstreamBusy = forwardInbound.Any(c => tokens.Any(t => t.To == c.Source && !t.Consumed && !t.Blocked));
                if (!upstreamBusy)
                {
                    context.ScheduleChild(target);
                }

                break;
        }
    }

    private static async Task<string> MergeModeAsync(ActivityContext context, ActivityNode target)
    {
        if (target.Type == "Elsa.FlowJoin")
        {
            var join = target.Property("mode") is JsonObject { } wrapped && wrapped["expression"] is JsonObject expression
                ? await context.EvaluateExpressionAsync(expression, typeof(FlowJoinMode?)) as FlowJoinMode?
                : null;
            return (join ?? FlowJoinMode.WaitAny) == FlowJoinMode.WaitAny ? "Race" : "Merge";
        }

        var mode = target.CustomProperties["mergeMode"]?.ToString();
        return mode is null || mode.Equals("None", StringComparison.OrdinalIgnoreCase)
            ? "Stream"
            : char.ToUpperInvariant(mode[0]) + mode[1..].ToLowerInvariant();
    }

    private static List<FlowToken> Load(ActivityContext context) =>
        context.Properties[TokensKey] is JsonArray array
            ? array.Deserialize<List<FlowToken>>(Values.ValueConverter.Json) ?? []
            : [];

    private static void Save(ActivityContext context, List<FlowToken> tokens) =>
        context.Properties[TokensKey] = JsonSerializer.SerializeToNode(tokens, Values.ValueConverter.Json);
}
