namespace Orchestration.Host.Demo;

/// <summary>
/// The demo's timetable. It replays the last four months or so: most people apply in a burst in the first two weeks of
/// the period's first month (so each district's monthly counts rise above the statistics' suppression threshold), go
/// through mapping, screening, the FIA and a route decision, and start interventions whose follow-ups fall due a month
/// later; a few apply in the last two weeks and are still in the first stages. Steps on a weekend move to Monday.
/// </summary>
internal sealed class DemoPlan
{
    /// <summary>Days from the start of an intervention to its first follow-up's due date, give or take (P1M).</summary>
    private const int MonthDays = 30;

    private DemoPlan(DateTimeOffset start, int days, IReadOnlyList<DemoReferral> referrals, IReadOnlyList<DemoStep> steps)
    {
        Start = start;
        Days = days;
        Referrals = referrals;
        Steps = steps;
    }

    /// <summary>Day 0, 08:00 UTC (morning in Stockholm).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The number of days from <see cref="Start"/> to today.</summary>
    public int Days { get; }

    public IReadOnlyList<DemoReferral> Referrals { get; }

    public IReadOnlyList<DemoStep> Steps { get; }

    /// <summary>The first day of the month four months before <paramref name="now"/>: the demo's clock starts there.</summary>
    public static DateTimeOffset StartFor(DateTimeOffset now)
    {
        var month = new DateTimeOffset(now.Year, now.Month, 1, 8, 0, 0, TimeSpan.Zero).AddMonths(-4);
        return month;
    }

    public static DemoPlan Make(int count, DateTimeOffset start, DateTimeOffset now, DemoContext context, Random random)
    {
        var days = (int)(now - start).TotalDays;
        var scenarios = DemoScenarios.Spread(DemoScenarios.Weights, count);
        var districts = DemoScenarios.Spread(DemoDistrict.All.Select(d => (d, d.Weight)).ToList(), count);
        var referrals = new List<DemoReferral>();
        var steps = new List<DemoStep>();
        var thisYear = now.Year;
        for (var i = 0; i < count; i++)
        {
            var referral = new DemoReferral(i + 1, districts[i], scenarios[i], context);
            referrals.Add(referral);
            var early = referral.Scenario is DemoScenario.InitialMapping or DemoScenario.Assessed;
            var registeredOn = early ? days - 14 + (i % 8) : 1 + (i * 7 % 12);
            var personnummer = DemoPersonnummer.Make(random, thisYear);
            var last = -1;
            void At(int day, Func<Task<string>> run)
            {
                // In order, on working days, never past today.
                var on = Math.Max(WorkingDay(start, day), last);
                last = Math.Min(on, days);
                steps.Add(new DemoStep(last, referral, run));
            }

            var r = registeredOn;
            At(r, () => referral.RegisterAsync(personnummer));
            At(r + 1, referral.MapPartOneAsync);
            switch (referral.Scenario)
            {
                case DemoScenario.InitialMapping:
                    break;
                case DemoScenario.Assessed:
                    At(r + 2, () => referral.ScreenAsync(inJobbtorgTargetGroup: false));
                    At(r + 6, referral.MapPartThreeAsync);
                    At(r + 9, referral.AssessAsync);
                    break;
                case DemoScenario.JobbtorgToWork or DemoScenario.AtJobbtorg or DemoScenario.ReReferredToDistrict:
                    At(r + 2, () => referral.ScreenAsync(inJobbtorgTargetGroup: true));
                    At(r + 7, referral.TakeInAtJobbtorgAsync);
                    At(r + 12, referral.StartJobbtorgInterventionAsync);
                    if (referral.Scenario == DemoScenario.JobbtorgToWork)
                    {
                        At(r + 50 + (i % 20), referral.CloseAtJobbtorgWithWorkAsync);
                    }
                    else if (referral.Scenario == DemoScenario.ReReferredToDistrict)
                    {
                        At(r + 25, referral.ReReferAsync);
                        At(r + 27, referral.MapPartThreeAsync);
                        At(r + 29, referral.AssessAsync);
                        At(r + 30, () => referral.DecideRouteAsync("DistrictIntervention"));
                        InterventionSteps(r + 33, followUpOnTime: true);
                    }

                    break;
                default:
                    At(r + 2, () => referral.ScreenAsync(inJobbtorgTargetGroup: false));
                    At(r + 6, referral.MapPartThreeAsync);
                    At(r + 9, referral.AssessAsync);
                    if (referral.Scenario == DemoScenario.ParallelRoutes)
                    {
                        At(r + 10, () => referral.DecideRouteAsync("Jobbtorg", "DistrictIntervention"));
                        At(r + 13, referral.TakeInAtJobbtorgAsync);
                    }
                    else
                    {
                        At(r + 10, () => referral.DecideRouteAsync("DistrictIntervention"));
                    }

                    var started = InterventionSteps(r + 14, followUpOnTime: referral.Scenario is DemoScenario.FollowedUpOnTime or DemoScenario.TransferredToResurs);
                    switch (referral.Scenario)
                    {
                        case DemoScenario.TransferredToResurs:
                            At(started + MonthDays - 2, referral.DecideTransferAsync);
                            At(started + MonthDays + 2, referral.TakeInAtResursAsync);
                            break;
                        case DemoScenario.ClosedAfterIntervention:
                            At(started + MonthDays + 8, () => referral.FollowUpAsync(ready: false));
                            At(started + MonthDays + 30 + (i % 15), () => referral.CloseInterventionAsync(ClosingOutcomes[i % ClosingOutcomes.Length]));
                            break;
                        case DemoScenario.LostContact:
                            At(started + MonthDays + 10, () => referral.CloseCaseAsync("LostContact"));
                            break;
                    }

                    break;
            }

            int InterventionSteps(int from, bool followUpOnTime)
            {
                At(from, referral.PlanInterventionAsync);
                var startOn = from + 3;
                At(startOn, referral.StartInterventionAsync);
                if (followUpOnTime)
                {
                    At(startOn + MonthDays - 4, () => referral.FollowUpAsync(ready: referral.Scenario == DemoScenario.TransferredToResurs));
                }

                return startOn;
            }
        }

        return new DemoPlan(start, days, referrals, steps);
    }

    /// <summary>Outcomes of the interventions that close, in the spirit of seed 003: work first, then studies, Försäkringskassan.</summary>
    private static readonly string[] ClosingOutcomes = ["Work", "Studies", "Work", "FkCompensation", "Work", "UnemploymentFund"];

    private static int WorkingDay(DateTimeOffset start, int day) =>
        start.AddDays(day).DayOfWeek switch
        {
            DayOfWeek.Saturday => day + 2,
            DayOfWeek.Sunday => day + 1,
            _ => day,
        };
}
