namespace Orchestration.ServiceDefaults.Cases;

/// <summary>
/// An aggregate whose changes announce events: each change adds what others must hear of, and the save that commits
/// the change stages them in the outbox (<see cref="Messaging.Outbox.OutboxDbContextExtensions.StageAnnouncements"/>).
/// </summary>
public abstract class AnnouncingCase
{
    private readonly List<object> _announcements = [];

    /// <summary>The events of the changes made since the last call, to be staged with the save that commits them.</summary>
    public IReadOnlyList<object> TakeAnnouncements()
    {
        var taken = _announcements.ToList();
        _announcements.Clear();
        return taken;
    }

    /// <summary>Records an event of a change just made.</summary>
    protected void Announce(object message) => _announcements.Add(message);
}
