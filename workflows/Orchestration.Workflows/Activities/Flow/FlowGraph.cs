using System.Runtime.CompilerServices;
using Orchestration.Workflows.Model;

namespace Orchestration.Workflows.Activities.Flow;

/// <summary>
/// A flowchart's graph from a start node (ELSA-SEMANTICS.md §2.2): connections found by BFS are forward unless
/// they close a cycle, in which case they are backward (loop-backs that bypass join logic).
/// </summary>
internal sealed class FlowGraph
{
    private static readonly ConditionalWeakTable<ActivityNode, Dictionary<string, FlowGraph>> Cache = new();

    private readonly HashSet<Connection> _backward = [];
    private readonly Dictionary<Connection, bool> _validBackward = [];
    private readonly Dictionary<string, IReadOnlySet<string>> _ancestors = new(StringComparer.Ordinal);

    private FlowGraph(ActivityNode flowchart, ActivityNode? start)
    {
        Start = start;
        var ids = flowchart.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        Connections = flowchart.Connections.Where(c => ids.Contains(c.Source) && ids.Contains(c.Target)).ToList();
        var forward = new List<Connection>();
        if (start is not null)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal) { start.Id };
            var queue = new Queue<string>([start.Id]);
            while (queue.TryDequeue(out var current))
            {
                foreach (var connection in Connections.Where(c => c.Source == current))
                {
                    if (connection.Source == connection.Target || Reaches(forward, connection.Target, connection.Source))
                    {
                        _backward.Add(connection);
                        continue;
                    }

                    forward.Add(connection);
                    if (visited.Add(connection.Target))
                    {
                        queue.Enqueue(connection.Target);
                    }
                }
            }
        }

        Forward = forward;
    }

    /// <summary>Where the flowchart starts (null when it has no activities).</summary>
    public ActivityNode? Start { get; }

    public IReadOnlyList<Connection> Connections { get; }

    public IReadOnlyList<Connection> Forward { get; }

    /// <summary>
    /// The graph of <paramref name="flowchart"/> as an instance started by <paramref name="triggerActivityId"/> runs it,
    /// built once per pair: the flowchart asks on every child's completion (it found its start anew each time, a set
    /// of every connection's target per completed activity).
    /// </summary>
    public static FlowGraph For(ActivityNode flowchart, string? triggerActivityId)
    {
        var byTrigger = Cache.GetOrCreateValue(flowchart);
        lock (byTrigger)
        {
            var key = triggerActivityId ?? "";
            if (!byTrigger.TryGetValue(key, out var graph))
            {
                graph = new FlowGraph(flowchart, FindStart(flowchart, triggerActivityId));
                byTrigger[key] = graph;
            }

            return graph;
        }
    }

    /// <summary>Elsa's start rules (§2.1): the trigger, the first Start, the first canStartWorkflow, the first without inbound, the first.</summary>
    private static ActivityNode? FindStart(ActivityNode flowchart, string? triggerActivityId)
    {
        var activities = flowchart.Activities;
        var targets = flowchart.Connections.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
        return activities.FirstOrDefault(a => a.Id == triggerActivityId)
            ?? activities.FirstOrDefault(a => a.Type == "Elsa.Start")
            ?? activities.FirstOrDefault(a => a.CanStartWorkflow)
            ?? activities.FirstOrDefault(a => !targets.Contains(a.Id))
            ?? activities.FirstOrDefault();
    }

    public bool IsBackward(Connection connection) => _backward.Contains(connection);

    /// <summary>
    /// Elsa's rule for a loop-back (§2.2): every forward path from its source back to the start must pass through its
    /// target, i.e. the source cannot be reached from the start once the target is taken out.
    /// </summary>
    public bool IsValidBackward(Connection connection)
    {
        lock (_validBackward)
        {
            if (!_validBackward.TryGetValue(connection, out var valid))
            {
                valid = Start is null || Start.Id == connection.Target
                    || !Reaches(Forward.Where(c => c.Source != connection.Target && c.Target != connection.Target).ToList(), Start.Id, connection.Source);
                _validBackward[connection] = valid;
            }

            return valid;
        }
    }

    public IEnumerable<Connection> Outbound(string activityId) => Connections.Where(c => c.Source == activityId);

    public IReadOnlyList<Connection> ForwardInbound(string activityId) => Forward.Where(c => c.Target == activityId).ToList();

    /// <summary>
    /// Activities from which <paramref name="target"/> can be reached over forward connections. Kept per target: the
    /// graph never changes, and a WaitAny join asks on every arrival (a 20-step line built 20 growing sets per run).
    /// </summary>
    public IReadOnlySet<string> AncestorsOf(string target)
    {
        lock (_ancestors)
        {
            if (!_ancestors.TryGetValue(target, out var ancestors))
            {
                ancestors = FindAncestors(target);
                _ancestors[target] = ancestors;
            }

            return ancestors;
        }
    }

    private HashSet<string> FindAncestors(string target)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([target]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var connection in Forward.Where(c => c.Target == current && result.Add(c.Source)))
            {
                queue.Enqueue(connection.Source);
            }
        }

        return result;
    }

    private static bool Reaches(List<Connection> edges, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var current))
        {
            if (current == to)
            {
                return true;
            }

            foreach (var edge in edges.Where(e => e.Source == current && seen.Add(e.Target)))
            {
                queue.Enqueue(edge.Target);
            }
        }

        return false;
    }
}
