using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Activities.Composition;
using Orchestration.Workflows.Activities.Scheduling;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.Serialization;
using Orchestration.Workflows.Validation;

namespace Orchestration.Workflows.Persistence.Definitions;

/// <summary>
/// Drafts, versions and publishing with Elsa's save semantics (ELSA-API.md §3.2): saving onto a published latest
/// version starts a new draft version; publishing validates first and refuses with the errors, saving nothing.
/// </summary>
public sealed class WorkflowDefinitionService(WorkflowsDbContext db, WorkflowValidator validator, ActivityRegistry registry, TimeProvider time)
{
    public const string ToolVersion = "3.8.0.0";
    private const int CacheLimit = 500;
    private static readonly ConcurrentDictionary<(string Id, Guid Token), WorkflowDefinition> Cache = new();

    public IQueryable<WorkflowDefinitionRecord> Records => db.WorkflowDefinitions.AsNoTracking();

    public async Task<WorkflowDefinitionRecord?> FindAsync(string definitionId, VersionOptions options, CancellationToken cancellationToken)
    {
        var versions = await Records.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        return Pick(versions, options, v => (v.Version, v.IsLatest, v.IsPublished));
    }

    /// <summary>The version <paramref name="options"/> select among <paramref name="versions"/>, or null.</summary>
    private static T? Pick<T>(IEnumerable<T> versions, VersionOptions options, Func<T, (int Version, bool IsLatest, bool IsPublished)> of)
        where T : class
    {
        var matching = versions.Where(v => of(v) is var x && options.Matches(x.Version, x.IsLatest, x.IsPublished)).ToList();
        // LatestOrPublished prefers the published version, as the runtime does when it starts instances.
        return options.Selection == VersionSelection.LatestOrPublished
            ? matching.FirstOrDefault(v => of(v).IsPublished) ?? matching.MaxBy(v => of(v).Version)
            : matching.MaxBy(v => of(v).Version);
    }

    /// <summary>
    /// The runnable view of the version <see cref="FindAsync"/> would pick. The versions are compared without their
    /// JSON, which is read only when that version is not cached yet: a start reads no definition JSON once warm.
    /// </summary>
    public async Task<WorkflowDefinition?> FindRunnableAsync(string definitionId, VersionOptions options, CancellationToken cancellationToken)
    {
        var versions = await Records.Where(d => d.DefinitionId == definitionId)
            .Select(d => new { d.Id, d.Version, d.IsLatest, d.IsPublished, d.ConcurrencyToken }).ToListAsync(cancellationToken);
        var chosen = Pick(versions, options, v => (v.Version, v.IsLatest, v.IsPublished));
        return chosen is null ? null : await FindRunnableByIdAsync(chosen.Id, chosen.ConcurrencyToken, cancellationToken);
    }

    /// <summary>
    /// The runnable view of version <paramref name="id"/>: from the cache when its concurrency token (given, or read
    /// alone) is the cached one, so a resume reads no definition JSON once warm; null when the version is gone.
    /// </summary>
    public async Task<WorkflowDefinition?> FindRunnableByIdAsync(string id, Guid? knownToken, CancellationToken cancellationToken)
    {
        var token = knownToken ?? await Records.Where(d => d.Id == id).Select(d => (Guid?)d.ConcurrencyToken).FirstOrDefaultAsync(cancellationToken);
        if (token is { } current && Cache.TryGetValue((id, current), out var cached))
        {
            return cached;
        }

        return token is null ? null : await FindByIdAsync(id, cancellationToken) is { } record ? Load(record) : null;
    }

    public Task<WorkflowDefinitionRecord?> FindByIdAsync(string id, CancellationToken cancellationToken) =>
        Records.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<(List<WorkflowDefinitionRecord> Items, int Total)> ListAsync(DefinitionQuery query, CancellationToken cancellationToken)
    {
        var records = Records;
        if (query.DefinitionIds.Count > 0)
        {
            records = records.Where(d => query.DefinitionIds.Contains(d.DefinitionId));
        }

        if (query.Ids.Count > 0)
        {
            records = records.Where(d => query.Ids.Contains(d.Id));
        }

        if (!string.IsNullOrWhiteSpace(query.SearchTerm))
        {
            var term = query.SearchTerm.Trim().ToLower();
            records = records.Where(d => d.Name.ToLower().Contains(term) || d.DefinitionId.ToLower().Contains(term));
        }

        var options = query.VersionOptions;
        var filtered = (await records.ToListAsync(cancellationToken)).Where(d => options.Matches(d.Version, d.IsLatest, d.IsPublished));
        filtered = (query.OrderBy?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => filtered.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase),
            ("name", true) => filtered.OrderByDescending(d => d.Name, StringComparer.OrdinalIgnoreCase),
            ("version", false) => filtered.OrderBy(d => d.Version),
            ("version", true) => filtered.OrderByDescending(d => d.Version),
            (_, false) => filtered.OrderBy(d => d.CreatedAt),
            (_, true) => filtered.OrderByDescending(d => d.CreatedAt),
        };
        var all = filtered.ToList();
        if (query.Page is { } page && query.PageSize is { } size && size > 0)
        {
            return (all.Skip(Math.Max(page, 0) * size).Take(size).ToList(), all.Count);
        }

        return (all, all.Count);
    }

    public async Task<bool> IsNameUniqueAsync(string name, string? definitionId, CancellationToken cancellationToken) =>
        !await Records.AnyAsync(d => d.IsLatest && d.Name == name.Trim() && (definitionId == null || d.DefinitionId != definitionId), cancellationToken);

    public async Task<SaveDefinitionResult> SaveAsync(JsonObject model, bool publish, CancellationToken cancellationToken)
    {
        var definitionId = model["definitionId"]?.ToString() is { Length: > 0 } given ? given : WorkflowIds.New();
        var latest = await db.WorkflowDefinitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsLatest, cancellationToken);
        var now = time.GetUtcNow();
        var isNewVersion = latest is null || latest.IsPublished;
        var version = latest is null ? 1 : latest.IsPublished ? latest.Version + 1 : latest.Version;
        var id = isNewVersion ? WorkflowIds.New() : latest!.Id;

        var document = (JsonObject)model.DeepClone();
        document.Remove("links");
        document["id"] = id;
        document["definitionId"] = definitionId;
        document["version"] = version;
        document["name"] = (document["name"]?.ToString() ?? definitionId).Trim();
        document["toolVersion"] ??= ToolVersion;
        document["createdAt"] = isNewVersion ? now.ToString("O") : document["createdAt"] ?? latest!.CreatedAt.ToString("O");
        document["root"] ??= new JsonObject { ["type"] = "Elsa.Sequence", ["activities"] = new JsonArray() };
        AddMissingSections(document);

        WorkflowDefinition definition;
        try
        {
            definition = WorkflowDefinitionReader.Load(document);
        }
        catch (WorkflowFormatException ex)
        {
            return new SaveDefinitionResult(null, false, [new ValidationError(null, ex.Message)]);
        }

        if (publish)
        {
            var errors = validator.Validate(definition);
            if (errors.Count > 0)
            {
                return new SaveDefinitionResult(null, false, errors);
            }
        }

        WorkflowDefinitionRecord record;
        if (isNewVersion)
        {
            if (latest is not null)
            {
                latest.IsLatest = false;
                latest.ConcurrencyToken = Guid.NewGuid();
                SetFlags(latest);
            }

            record = new WorkflowDefinitionRecord
            {
                Id = id,
                DefinitionId = definitionId,
                Version = version,
                Name = definition.Name,
                IsLatest = true,
                IsPublished = false,
                CreatedAt = now,
                Data = "",
                ConcurrencyToken = Guid.NewGuid(),
            };
            db.WorkflowDefinitions.Add(record);
        }
        else
        {
            record = latest!;
            record.Name = definition.Name;
            record.ConcurrencyToken = Guid.NewGuid();
        }

        record.Data = definition.Document.ToJsonString();
        var alreadyPublished = false;
        if (publish)
        {
            alreadyPublished = record.IsPublished;
            await MarkPublishedAsync(record, cancellationToken);
        }

        SetFlags(record);
        await db.SaveChangesAsync(cancellationToken);
        RegisterIfUsableAsActivity(record);
        return new SaveDefinitionResult(record, alreadyPublished, []);
    }

    /// <summary>Publishes the latest version (validating it); null when the definition does not exist.</summary>
    public async Task<SaveDefinitionResult?> PublishAsync(string definitionId, CancellationToken cancellationToken)
    {
        var latest = await db.WorkflowDefinitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsLatest, cancellationToken);
        if (latest is null)
        {
            return null;
        }

        if (latest.IsPublished)
        {
            return new SaveDefinitionResult(latest, true, []);
        }

        var errors = validator.Validate(Load(latest));
        if (errors.Count > 0)
        {
            return new SaveDefinitionResult(null, false, errors);
        }

        await MarkPublishedAsync(latest, cancellationToken);
        SetFlags(latest);
        await db.SaveChangesAsync(cancellationToken);
        RegisterIfUsableAsActivity(latest);
        return new SaveDefinitionResult(latest, false, []);
    }

    /// <summary>Unpublishes: new instances can no longer start; running ones go on with their version.</summary>
    public async Task<WorkflowDefinitionRecord?> RetractAsync(string definitionId, CancellationToken cancellationToken)
    {
        var versions = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        foreach (var published in versions.Where(v => v.IsPublished))
        {
            published.IsPublished = false;
            published.ConcurrencyToken = Guid.NewGuid();
            SetFlags(published);
        }

        await IndexTriggersAsync(definitionId, null, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return versions.FirstOrDefault(v => v.IsLatest);
    }

    /// <summary>Deletes one version; when it was the latest, the highest remaining version becomes the latest.</summary>
    public async Task<bool> DeleteVersionAsync(string id, CancellationToken cancellationToken)
    {
        var version = await db.WorkflowDefinitions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (version is null)
        {
            return false;
        }

        db.WorkflowDefinitions.Remove(version);
        if (version.IsPublished)
        {
            await IndexTriggersAsync(version.DefinitionId, null, cancellationToken);
        }

        if (version.IsLatest)
        {
            var previous = await db.WorkflowDefinitions
                .Where(d => d.DefinitionId == version.DefinitionId && d.Id != id)
                .OrderByDescending(d => d.Version)
                .FirstOrDefaultAsync(cancellationToken);
            if (previous is not null)
            {
                previous.IsLatest = true;
                previous.ConcurrencyToken = Guid.NewGuid();
                SetFlags(previous);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Makes an earlier version's content the latest draft (a new version when the latest is published).</summary>
    public async Task<SaveDefinitionResult?> RevertAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        var source = await Records.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken);
        return source is null ? null : await SaveAsync(JsonNode.Parse(source.Data)!.AsObject(), publish: false, cancellationToken);
    }

    public async Task<int> DeleteAsync(string definitionId, CancellationToken cancellationToken)
    {
        await db.Triggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
        return await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Makes every published definition marked "usable as activity" an activity type of the registry. Runs at start
    /// and whenever a definition names a type this node does not know yet (another node may have published it).
    /// </summary>
    public async Task<int> RegisterWorkflowActivitiesAsync(CancellationToken cancellationToken)
    {
        var published = await Records.Where(d => d.IsPublished).ToListAsync(cancellationToken);
        return published.Count(RegisterIfUsableAsActivity);
    }

    /// <summary>
    /// Indexes the triggers of published versions that have no rows yet (published before the trigger table
    /// existed, or imported straight into the database); runs at start.
    /// </summary>
    public async Task<int> IndexMissingTriggersAsync(CancellationToken cancellationToken)
    {
        var indexed = db.Triggers.Select(t => t.DefinitionVersionId);
        var missing = await db.WorkflowDefinitions.Where(d => d.IsPublished && !indexed.Contains(d.Id)).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var record in missing.Where(r => TriggerSchedules.Of(Load(r)).Count > 0))
        {
            await IndexTriggersAsync(record.DefinitionId, record, cancellationToken);
            count++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    private bool RegisterIfUsableAsActivity(WorkflowDefinitionRecord record)
    {
        var definition = Load(record);
        if (!WorkflowActivityDescriptors.IsUsableAsActivity(definition))
        {
            return false;
        }

        registry.Add(WorkflowActivityDescriptors.For(definition, record.IsPublished));
        return true;
    }

    /// <summary>The runnable view of a stored version, cached per version and change.</summary>
    public static WorkflowDefinition Load(WorkflowDefinitionRecord record)
    {
        if (Cache.Count > CacheLimit)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd((record.Id, record.ConcurrencyToken), _ => WorkflowDefinitionReader.Read(record.Data));
    }

    private async Task MarkPublishedAsync(WorkflowDefinitionRecord record, CancellationToken cancellationToken)
    {
        var others = await db.WorkflowDefinitions
            .Where(d => d.DefinitionId == record.DefinitionId && d.Id != record.Id && d.IsPublished)
            .ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            other.IsPublished = false;
            other.ConcurrencyToken = Guid.NewGuid();
            SetFlags(other);
        }

        record.IsPublished = true;
        record.ConcurrencyToken = Guid.NewGuid();
        await IndexTriggersAsync(record.DefinitionId, record, cancellationToken);
    }

    /// <summary>
    /// Replaces the definition's rows in the trigger table by those of <paramref name="published"/> (none when it is
    /// retracted or deleted); staged, so they commit with the change of the definition.
    /// </summary>
    private async Task IndexTriggersAsync(string definitionId, WorkflowDefinitionRecord? published, CancellationToken cancellationToken)
    {
        db.Triggers.RemoveRange(await db.Triggers.Where(t => t.DefinitionId == definitionId).ToListAsync(cancellationToken));
        if (published is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var trigger in TriggerSchedules.Of(Load(published)))
        {
            db.Triggers.Add(new WorkflowTriggerRecord
            {
                Id = $"{published.Id}:{trigger.ActivityId}",
                DefinitionId = definitionId,
                DefinitionVersionId = published.Id,
                ActivityId = trigger.ActivityId,
                Name = trigger.Name,
                Value = trigger.Value,
                PublishedAt = now,
                NextOccurrenceAt = TriggerSchedules.IsScheduled(trigger.Name) ? NextOccurrence(trigger, now) : null,
            });
        }
    }

    /// <summary>An expression that does not parse gives no schedule: the trigger never fires, as a wrong one would not either.</summary>
    private static DateTimeOffset? NextOccurrence(TriggerDefinition trigger, DateTimeOffset now)
    {
        try
        {
            return TriggerSchedules.NextOccurrence(trigger.Name, trigger.Value, now, now);
        }
        catch (Cronos.CronFormatException)
        {
            return null;
        }
    }

    /// <summary>The flags in the stored JSON follow the columns, which are the truth.</summary>
    private static void SetFlags(WorkflowDefinitionRecord record)
    {
        if (record.Data.Length == 0)
        {
            return;
        }

        var document = JsonNode.Parse(record.Data)!.AsObject();
        document["isLatest"] = record.IsLatest;
        document["isPublished"] = record.IsPublished;
        record.Data = document.ToJsonString();
    }

    /// <summary>
    /// Elsa always answers with these sections; Studio's panels read them without null checks, and a workflow made in
    /// Studio's create dialog arrives without them (its settings panel then fails to render).
    /// </summary>
    private static void AddMissingSections(JsonObject document)
    {
        var options = document["options"] as JsonObject ?? [];
        document["options"] = options;
        // Older exports carry the flag at the top level only (ELSA-API.md §4.1); Studio reads it from options.
        options["usableAsActivity"] ??= document["usableAsActivity"]?.DeepClone() ?? false;
        options["autoUpdateConsumingWorkflows"] ??= false;
        foreach (var list in new[] { "variables", "inputs", "outputs", "outcomes" })
        {
            document[list] ??= new JsonArray();
        }

        document["customProperties"] ??= new JsonObject();
    }
}
