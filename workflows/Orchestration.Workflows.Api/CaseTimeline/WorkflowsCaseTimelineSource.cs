using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.CaseTimeline;
using Orchestration.Workflows.Persistence;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Api.CaseTimeline;

/// <summary>
/// The workflows' part of a referral's timeline: each instance correlated with the referral (started, its status,
/// finished) and, from its journal, the activities that carry the case: events received, commands sent and workflows
/// dispatched, and faults. Activity ids, types and definition ids only; no variable or payload leaves the module.
/// </summary>
internal sealed class WorkflowsCaseTimelineSource(WorkflowsDbContext db, TimeProvider time) : ICaseTimelineSource
{
    public const string ModuleName = "Workflows";
    private const string MessagingActivityPrefix = "Orchestration.Messaging.";
    private static readonly string[] CaseActivityTypes = ["Elsa.Event", "Elsa.DispatchWorkflow"];

    public string Module => ModuleName;

    public async Task<CaseTimelinePart?> ReadAsync(Guid referralId, CancellationToken cancellationToken)
    {
        var correlationId = referralId.ToString();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.CorrelationId == correlationId)
            .Select(i => new { i.Id, i.DefinitionId, i.Version, i.Status, i.SubStatus, i.District, i.CreatedAt, i.FinishedAt })
            .ToListAsync(cancellationToken);
        if (instances.Count == 0)
        {
            return null;
        }

        var ids = instances.Select(i => i.Id).ToList();
        var journal = await db.Journal.AsNoTracking()
            .Where(j => ids.Contains(j.WorkflowInstanceId))
            .Where(j => j.EventName == "Faulted" || (j.EventName == "Completed"
                && (CaseActivityTypes.Contains(j.ActivityType) || j.ActivityType.StartsWith(MessagingActivityPrefix))))
            .Select(j => new { j.WorkflowInstanceId, j.Timestamp, j.Sequence, j.EventName, j.ActivityId, j.ActivityType, j.ActivityName })
            .ToListAsync(cancellationToken);
        var definitions = instances.ToDictionary(i => i.Id, i => i.DefinitionId);

        List<CaseTimelineEntry> entries = [];
        foreach (var i in instances)
        {
            entries.Add(Entry(i.Id, i.CreatedAt, "WorkflowStarted", ("definitionId", i.DefinitionId),
                ("version", i.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("status", i.Status), ("subStatus", i.SubStatus)));
            if (i.FinishedAt is { } finished)
            {
                entries.Add(Entry(i.Id, finished, "WorkflowFinished", ("definitionId", i.DefinitionId), ("status", i.Status), ("subStatus", i.SubStatus)));
            }
        }

        entries.AddRange(journal.OrderBy(j => j.Sequence).Select(j => Entry(j.WorkflowInstanceId, j.Timestamp,
            j.EventName == "Faulted" ? "WorkflowActivityFaulted" : "WorkflowActivityExecuted",
            ("definitionId", definitions[j.WorkflowInstanceId]), ("activityId", j.ActivityId), ("activityName", j.ActivityName),
            ("activityType", j.ActivityType.StartsWith(MessagingActivityPrefix, StringComparison.Ordinal) ? j.ActivityType[MessagingActivityPrefix.Length..] : j.ActivityType))));
        return new CaseTimelinePart(instances.Select(i => i.District).FirstOrDefault(d => d is not null) ?? "", entries);
    }

    public async Task AuditReadAsync(Guid referralId, string district, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        db.Audit(reader, AuditAction.Read, nameof(WorkflowInstanceRecord), referralId, district, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private CaseTimelineEntry Entry(string instanceId, DateTimeOffset at, string kind, params (string Key, string? Value)[] details) =>
        CaseTimelineEntry.Of(at, Module, kind, null, details) with { RecordId = instanceId };
}
