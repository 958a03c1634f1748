using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// The rows of one save written beside the change tracker: journal lines and executions no earlier burst stored
/// (only ever inserted), and the bookmarks of every instance the save touched, which replace those stored for
/// the instances in <see cref="ReplacedBookmarksOf"/>.
/// </summary>
internal sealed class AppendedRows
{
    public List<BookmarkRecord> Bookmarks { get; } = [];

    /// <summary>Instances stored before this save: their stored bookmarks are deleted before <see cref="Bookmarks"/> go in.</summary>
    public List<string> ReplacedBookmarksOf { get; } = [];

    public List<JournalRecord> Journal { get; } = [];

    public List<ActivityExecutionRecord> Executions { get; } = [];

    /// <summary>Writes the executions' <c>Data</c> JSON, reusing one buffer for the whole save.</summary>
    public ActivityExecutionData Data { get; } = new();
}
