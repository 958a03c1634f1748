using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Endpoints.Cases;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>Reads a recorded instrument; the health and social parts go to Jobbtorg only with a valid consent. Audited.</summary>
internal static class GetInstrument
{
    public static async Task<Results<Ok<InstrumentResponse>, ProblemHttpResult>> Handle<TAnswers>(
        Guid id, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
        where TAnswers : IInstrumentAnswers
    {
        var now = time.GetUtcNow();
        var (application, problem) = TAnswers.SharedWithJobbtorgOnConsent
            ? await SharedCaseAccess.FindAsync(db, id, user, now, cancellationToken)
            : await FinancialAidCases.FindForCaseworkerAsync(db, id, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var instrument = TAnswers.Instrument;
        var record = await db.Instruments.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ApplicationId == id && r.Instrument == instrument, cancellationToken);
        if (record is null)
        {
            return TypedResults.Problem($"{TAnswers.Instrument} is not recorded yet for referral {id}.", statusCode: 404, title: "Not found");
        }

        db.Audit(user, AuditAction.Read, TAnswers.Instrument.ToString(), id, application!.District, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RecordInstrument.Response(record));
    }
}
