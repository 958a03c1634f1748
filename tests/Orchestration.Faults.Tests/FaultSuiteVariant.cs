using System.Globalization;

namespace Orchestration.Faults.Tests;

/// <summary>
/// How big a run is. Quick (default): a few minutes on two cores. Long (ORCHESTRATION_FAULTS_LONG=1): a few hundred
/// referrals and several faults of each kind. ORCHESTRATION_FAULTS_SEED fixes the seed (else a new one, printed);
/// ORCHESTRATION_FAULTS_REFERRALS overrides the number of referrals.
/// </summary>
internal sealed record FaultSuiteVariant(string Name, int Referrals, IReadOnlyList<FaultKind> Faults, int MinPauseSeconds, int MaxPauseSeconds, TimeSpan Budget, int Seed)
{
    public const string LongVariable = "ORCHESTRATION_FAULTS_LONG";
    public const string SeedVariable = "ORCHESTRATION_FAULTS_SEED";
    public const string ReferralsVariable = "ORCHESTRATION_FAULTS_REFERRALS";

    public static FaultSuiteVariant FromEnvironment()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var random = new Random(seed);
        var isLong = Environment.GetEnvironmentVariable(LongVariable) is "1" or "true";

        // Each kind at least once (twice a kill of each sort); the order comes from the seed.
        FaultKind[] handful =
        [
            FaultKind.KillEngineNode, FaultKind.KillServiceHost, FaultKind.RedeliverOldMessages, FaultKind.MoveTimePastDeadlines,
            FaultKind.RestartPostgres, FaultKind.KillEngineNode, FaultKind.RestartRabbitMq, FaultKind.KillServiceHost,
            FaultKind.ReplayReferralHistoryBackwards,
        ];
        // Long: a few hundred referrals and every kind twice (four kills of each sort), sized to end within about 20
        // minutes on a loaded 2-core machine, where starting the six hosts alone takes minutes.
        var faults = isLong ? Enumerable.Repeat(handful, 2).SelectMany(f => f).ToArray() : handful;
        random.Shuffle(faults);
        var variant = isLong
            ? new FaultSuiteVariant("long", 200, faults, 3, 12, TimeSpan.FromMinutes(60), seed)
            : new FaultSuiteVariant("quick", 30, faults, 3, 12, TimeSpan.FromMinutes(25), seed);
        return Environment.GetEnvironmentVariable(ReferralsVariable) is { Length: > 0 } referrals
            ? variant with { Referrals = int.Parse(referrals, CultureInfo.InvariantCulture) }
            : variant;
    }
}
