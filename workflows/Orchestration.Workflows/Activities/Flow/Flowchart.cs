using System.Text.Json.Nodes;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Activities.Flow;

/// <summary>
/// Runs activities connected by outcome ports. Token-based mode when the instance property
/// <c>Flowchart:ExecutionMode</c> says so (<see cref="TokenFlow"/>); otherwise Elsa's counter-based mode (ELSA-SEMANTICS.md §2): outcomes are
/// followed in connection order, every activity is an implicit WaitAllActive join, untaken paths are skipped so
/// that downstream joins still fire, and loop-backs bypass join logic.
/// </summary>
[Activity("Elsa", "Flowchart", Category = "Flow", Description = "A flowchart of connected activities.", IsBrowsable = false, IsContainer = true)]
public sealed class Flowchart : Activity
{
    private const string ViaBackward = "viaBackward";

    private enum JoinDecision
    {
        Wait,
        Run,
        Skip,
    }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var start = FlowGraph.For(context.Node, context.Workflow.TriggerActivityId).Start;
        if (start is null)
        {
            context.Complete();
        }
        else
        {
            FlowScope.Of(context.Properties).MarkScheduled(start.Id);
            context.ScheduleChild(start);
        }

        return ValueTask.CompletedTask;
    }

    public override async ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        if (context.DescriptorOf(child.Node)?.IsTerminal == true)
        {
            context.Complete();
            return;
        }

        var graph = FlowGraph.For(context.Node, context.Workflow.TriggerActivityId);
        if (TokenFlow.IsEnabled(context))
        {
            await TokenFlow.OnChildCompletedAsync(context, graph, child);
            return;
        }

        var scope = FlowScope.Of(context.Properties);
        var viaBackward = (bool?)child.Execution.Properties[ViaBackward] ?? false;
        await VisitAsync(context, graph, scope, child.Node.Id, child.Outcomes, countVisit: !viaBackward, child.Execution.Id);

        if (!context.Children.Any(c => c.Status is ActivityStatus.Pending or ActivityStatus.Running or ActivityStatus.Faulted))
        {
            context.Complete();
        }
    }

    private static async Task VisitAsync(ActivityContext context, FlowGraph graph, FlowScope scope, string sourceId,
        IReadOnlyList<string> outcomes, bool countVisit, string schedulingExecutionId)
    {
        if (countVisit)
        {
            scope.Visit(sourceId);
        }

        foreach (var connection in graph.Outbound(sourceId).ToList())
        {
            var followed = outcomes.Contains(connection.SourcePort, StringComparer.Ordinal);
            scope.Visit(connection, followed);
            var target = context.Node.Activities.First(a => a.Id == connection.Target);
            if (graph.IsBackward(connection))
            {
                if (followed && !graph.IsValidBackward(connection))
                {
                    throw new InvalidOperationException(
                        $"Invalid backward connection: Every path from the source ('{connection.Source}') must go through the target ('{connection.Target}') when tracing back to the start.");
                }

                if (followed)
                {
                    context.ScheduleChild(target, properties: new JsonObject { [ViaBackward] = true }, schedulingExecutionId: schedulingExecutionId);
                }

                continue;
            }

            if (scope.IsScheduledThisRound(target.Id))
            {
                continue;
            }

            var (decision, mode) = await DecideAsync(context, graph, scope, target, connection, followed);
            if (decision == JoinDecision.Run)
            {
                if (mode == FlowJoinMode.WaitAny)
                {
                    CancelRunningAncestors(context, graph, target);
                }

                scope.MarkScheduled(target.Id);
                context.ScheduleChild(target, schedulingExecutionId: schedulingExecutionId);
            }
            else if (decision == JoinDecision.Skip)
            {
                // Dead-path elimination: the target is passed over and its own outbound paths are visited as not taken.
                await VisitAsync(context, graph, scope, target.Id, [], countVisit: true, schedulingExecutionId);
            }
        }
    }

    private static async Task<(JoinDecision, FlowJoinMode)> DecideAsync(ActivityContext context, FlowGraph graph, FlowScope scope,
        ActivityNode target, Connection arrival, bool followed)
    {
        var mode = target.Type == "Elsa.FlowJoin" ? await JoinModeAsync(context, target) : FlowJoinMode.WaitAllActive;
        var targetVisits = scope.Visits(target.Id);
        var inbound = graph.ForwardInbound(target.Id).Select(scope.Connection).ToList();
        var allVisited = inbound.All(c => c.Visits > targetVisits);
        var decision = mode switch
        {
            FlowJoinMode.WaitAny when followed && scope.Connection(arrival).Visits > targetVisits => JoinDecision.Run,
            FlowJoinMode.WaitAny => allVisited && !inbound.Any(c => c.Followed) ? JoinDecision.Skip : JoinDecision.Wait,
            _ when !allVisited => JoinDecision.Wait,
            FlowJoinMode.WaitAll => inbound.All(c => c.Followed) ? JoinDecision.Run : JoinDecision.Skip,
            _ => inbound.Where(c => c.Visits == inbound.Max(i => i.Visits)).Any(c => c.Followed) ? JoinDecision.Run : JoinDecision.Skip,
        };
        return (decision, mode);
    }

    private static async Task<FlowJoinMode> JoinModeAsync(ActivityContext context, ActivityNode join)
    {
        var mode = join.Property("mode") switch
        {
            JsonObject { } wrapped when wrapped["expression"] is JsonObject expression =>
                (await context.EvaluateExpressionAsync(expression, typeof(FlowJoinMode?))) as FlowJoinMode?,
            JsonValue value when Enum.TryParse<FlowJoinMode>(value.ToString(), out var parsed) => parsed,
            _ => null,
        };
        return mode ?? FlowJoinMode.WaitAny;
    }

    /// <summary>
    /// WaitAny: the branches still running towards the join are cancelled (their bookmarks vanish). Work that is only
    /// queued is not running yet and goes on, as in Elsa, where an execution context exists only once it runs.
    /// </summary>
    private static void CancelRunningAncestors(ActivityContext context, FlowGraph graph, ActivityNode target)
    {
        var ancestors = graph.AncestorsOf(target.Id);
        foreach (var child in context.Children.Where(c => c.Status == ActivityStatus.Running && ancestors.Contains(c.ActivityId)))
        {
            context.Cancel(child);
        }
    }
}
