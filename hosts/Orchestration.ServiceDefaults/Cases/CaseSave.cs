using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.ServiceDefaults.Cases;

/// <summary>The one save step of a change to a case, in every module.</summary>
public static class CaseSave
{
    /// <summary>
    /// Commits the change with its staged messages and audit rows in one transaction, under a new version of
    /// <paramref name="changed"/>. When someone else saved the case since it was read, nothing is written and the
    /// answer is a 409 to read it again.
    /// </summary>
    public static async Task<ProblemHttpResult?> SaveCaseAsync(this DbContext db, IVersionedCase changed, string what,
        CancellationToken cancellationToken)
    {
        changed.NewVersion();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseProblems.ChangedMeanwhile(what, changed.Id);
        }
    }
}
