namespace Orchestration.Host.Demo;

/// <summary>Spreads scenarios and districts evenly over any number of referrals (smooth weighted round robin).</summary>
internal static class DemoScenarios
{
    /// <summary>Shares of 60 referrals.</summary>
    public static readonly IReadOnlyList<(DemoScenario Scenario, int Weight)> Weights =
    [
        (DemoScenario.InitialMapping, 4),
        (DemoScenario.Assessed, 4),
        (DemoScenario.JobbtorgToWork, 5),
        (DemoScenario.AtJobbtorg, 5),
        (DemoScenario.ReReferredToDistrict, 4),
        (DemoScenario.FollowedUpOnTime, 8),
        (DemoScenario.FollowUpOverdue, 10),
        (DemoScenario.TransferredToResurs, 7),
        (DemoScenario.ClosedAfterIntervention, 6),
        (DemoScenario.ParallelRoutes, 4),
        (DemoScenario.LostContact, 3),
    ];

    /// <summary><paramref name="count"/> picks where every item appears in proportion to its weight, interleaved.</summary>
    public static List<T> Spread<T>(IReadOnlyList<(T Item, int Weight)> weighted, int count)
    {
        var total = weighted.Sum(w => w.Weight);
        var current = new int[weighted.Count];
        var picks = new List<T>(count);
        for (var n = 0; n < count; n++)
        {
            var best = 0;
            for (var i = 0; i < weighted.Count; i++)
            {
                current[i] += weighted[i].Weight;
                if (current[i] > current[best])
                {
                    best = i;
                }
            }

            current[best] -= total;
            picks.Add(weighted[best].Item);
        }

        return picks;
    }
}
