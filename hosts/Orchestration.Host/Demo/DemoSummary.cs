using System.Globalization;
using System.Text;

namespace Orchestration.Host.Demo;

/// <summary>What the demo did and what the system now shows, as printed at its end (and checked by its test).</summary>
internal sealed record DemoSummary(
    int Referrals,
    DateOnly From,
    DateOnly To,
    TimeSpan RunTime,
    IReadOnlyDictionary<string, int> ByDistrict,
    IReadOnlyDictionary<string, int> ByStage,
    int PlacesBought,
    int OverdueFollowUps,
    int EscalatedOverdueFollowUps,
    int DueFollowUps,
    int NoticesIssued,
    int RunningInstances,
    int FaultedInstances,
    int FiguresShown,
    int FiguresSuppressed,
    int SuppressBelow)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Demo done in {RunTime.TotalSeconds:F1} s: {Referrals} referrals replayed from {From:yyyy-MM-dd} to {To:yyyy-MM-dd}.");
        text.AppendLine(inv, $"  Per district:  {string.Join(", ", ByDistrict.Select(d => $"{d.Key} {d.Value}"))}");
        text.AppendLine(inv, $"  Per stage now: {string.Join(", ", ByStage.Select(s => $"{s.Key} {s.Value}"))}");
        text.AppendLine(inv, $"  District interventions with a place bought from another district: {PlacesBought}");
        text.AppendLine(inv, $"  Follow-ups (all demo districts, every run so far): {OverdueFollowUps} overdue ({EscalatedOverdueFollowUps} escalated to the coordinator), {DueFollowUps} due soon; {NoticesIssued} reminders and escalations issued during this run");
        text.AppendLine(inv, $"  Workflow instances running (every run so far): {RunningInstances}; faulted: {FaultedInstances}");
        text.Append(inv, $"  Statistics (/api/statistics, last 12 months by month and district): {FiguresShown} figures shown, {FiguresSuppressed} suppressed (under {SuppressBelow})");
        return text.ToString();
    }
}
