using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.Jobbtorg.Endpoints;

/// <summary>Checks a code given by a caseworker against the active codes of its editable list.</summary>
internal static class Codes
{
    public static async Task<ListCode?> FindActiveAsync(JobbtorgDbContext db, CodeList list, string? code, string field,
        ValidationErrors errors, CancellationToken cancellationToken)
    {
        var trimmed = code?.Trim() ?? "";
        var found = trimmed.Length == 0
            ? null
            : await db.Codes.AsNoTracking().FirstOrDefaultAsync(c => c.List == list && c.Code == trimmed && c.Active, cancellationToken);
        if (found is null)
        {
            var active = await db.Codes.AsNoTracking().Where(c => c.List == list && c.Active).OrderBy(c => c.SortOrder).Select(c => c.Code)
                .ToListAsync(cancellationToken);
            errors.Add(field, $"Give an active code of the list: {string.Join(", ", active)}.");
        }

        return found;
    }
}
