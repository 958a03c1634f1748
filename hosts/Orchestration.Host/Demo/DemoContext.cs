namespace Orchestration.Host.Demo;

/// <summary>What every referral's steps share: the clock the demo moves, the caseworkers and the active FIA areas.</summary>
internal sealed record DemoContext(DemoClock Clock, DemoCaseworkers Caseworkers, IReadOnlyList<string> FiaSocialAreas);
