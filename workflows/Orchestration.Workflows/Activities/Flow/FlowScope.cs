using System.Text.Json.Nodes;
using Orchestration.Workflows.Model;

namespace Orchestration.Workflows.Activities.Flow;

/// <summary>
/// The counter-mode bookkeeping of one flowchart execution, kept in its persisted properties: visits per activity,
/// visits and "followed" per connection, and the round in which each activity was last scheduled.
/// </summary>
internal sealed class FlowScope
{
    private const string Key = "flowScope";
    private readonly JsonObject _activities;
    private readonly JsonObject _connections;
    private readonly JsonObject _scheduled;

    private FlowScope(JsonObject root)
    {
        _activities = Child(root, "activities");
        _connections = Child(root, "connections");
        _scheduled = Child(root, "scheduled");
    }

    public static FlowScope Of(JsonObject properties)
    {
        if (properties[Key] is not JsonObject root)
        {
            root = [];
            properties[Key] = root;
        }

        return new FlowScope(root);
    }

    public int Visits(string activityId) => (int?)_activities[activityId] ?? 0;

    public void Visit(string activityId) => _activities[activityId] = Visits(activityId) + 1;

    public (int Visits, bool Followed) Connection(Connection connection) =>
        _connections[KeyOf(connection)] is JsonObject state
            ? ((int?)state["visits"] ?? 0, (bool?)state["followed"] ?? false)
            : (0, false);

    public void Visit(Connection connection, bool followed) =>
        _connections[KeyOf(connection)] = new JsonObject { ["visits"] = Connection(connection).Visits + 1, ["followed"] = followed };

    /// <summary>Whether the activity is already scheduled in its current round (so a second arrival does not run it twice).</summary>
    public bool IsScheduledThisRound(string activityId) => (int?)_scheduled[activityId] == Visits(activityId);

    public void MarkScheduled(string activityId) => _scheduled[activityId] = Visits(activityId);

    private static string KeyOf(Connection c) => $"{c.Source}:{c.SourcePort}>{c.Target}:{c.TargetPort}";

    private static JsonObject Child(JsonObject root, string name)
    {
        if (root[name] is not JsonObject child)
        {
            child = [];
            root[name] = child;
        }

        return child;
    }
}
