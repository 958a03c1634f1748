using System.Collections.Concurrent;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>The steps each referral received, in arrival order, so that tests await them instead of sleeping.</summary>
public sealed class StepLog
{
    private readonly ConcurrentDictionary<Guid, List<int>> _steps = new();

    public void Received(Guid referralId, int step)
    {
        var steps = _steps.GetOrAdd(referralId, _ => []);
        lock (steps)
        {
            steps.Add(step);
        }
    }

    public IReadOnlyList<int> Of(Guid referralId)
    {
        if (!_steps.TryGetValue(referralId, out var steps))
        {
            return [];
        }

        lock (steps)
        {
            return [.. steps];
        }
    }
}
