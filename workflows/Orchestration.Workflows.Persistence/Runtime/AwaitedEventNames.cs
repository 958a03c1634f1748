using Microsoft.EntityFrameworkCore;
using Orchestration.Workflows.Activities.Scheduling;
using Orchestration.Workflows.Persistence.Definitions;
using Orchestration.Workflows.Serialization;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// Whether any stored definition version (published or not, old versions too, since running instances keep theirs)
/// has an Event activity that can wait for a name. An event that found no bookmark is kept for a bookmark that may
/// come (an early event), but one that no definition can ever wait for would only sit until it expired, and its
/// case would look as if something were still coming. Held per node; rebuilt when the set of versions changed
/// (their ids and concurrency tokens), checked only when a name is not known as awaited.
/// </summary>
public sealed class AwaitedEventNames
{
    private volatile Snapshot? _snapshot;

    public async Task<bool> MayBeAwaitedAsync(WorkflowDefinitionService definitions, string eventName, CancellationToken cancellationToken)
    {
        if (_snapshot is { } known && known.Covers(eventName))
        {
            return true;
        }

        var versions = await definitions.Records.OrderBy(d => d.Id).Select(d => new { d.Id, d.ConcurrencyToken }).ToListAsync(cancellationToken);
        var stamp = string.Join(';', versions.Select(v => $"{v.Id}:{v.ConcurrencyToken:N}"));
        if (_snapshot is not { } current || current.Stamp != stamp)
        {
            current = await BuildAsync(definitions, stamp, cancellationToken);
            _snapshot = current;
        }

        return current.Covers(eventName);
    }

    private static async Task<Snapshot> BuildAsync(WorkflowDefinitionService definitions, string stamp, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var any = false;
        foreach (var record in await definitions.Records.ToListAsync(cancellationToken))
        {
            AwaitedEvents awaited;
            try
            {
                awaited = AwaitedEvents.Of(WorkflowDefinitionService.Load(record));
            }
            catch (WorkflowFormatException)
            {
                continue; // A version that cannot be loaded cannot run, so it waits for nothing.
            }

            names.UnionWith(awaited.Names);
            any |= awaited.Any;
        }

        return new Snapshot(stamp, names, any);
    }

    private sealed record Snapshot(string Stamp, HashSet<string> Names, bool Any)
    {
        public bool Covers(string eventName) => Any || Names.Contains(eventName);
    }
}
