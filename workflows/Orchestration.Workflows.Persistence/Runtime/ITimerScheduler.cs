using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>Asks something to wake a timer bookmark at its due time (Hangfire in the host); the sweep is the safety net.</summary>
public interface ITimerScheduler
{
    void Schedule(Bookmark bookmark);
}
