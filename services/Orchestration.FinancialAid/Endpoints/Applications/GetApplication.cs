using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid.Endpoints.Applications;

internal static class GetApplication
{
    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var found = await db.Applications.AsNoTracking()
            .Join(db.Persons.AsNoTracking(), a => a.PersonId, p => p.Id, (a, p) => new { Application = a, p.Personnummer })
            .FirstOrDefaultAsync(x => x.Application.Id == id, cancellationToken);
        if (found is null)
        {
            return TypedResults.Problem($"There is no application {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (DistrictAccess.Check(user, found.Application.District) is { } refused)
        {
            return refused;
        }

        db.Audit(user, AuditAction.Read, nameof(AidApplication), id, found.Application.District, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var masked = Personnummer.TryParse(found.Personnummer, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), out var number, out _)
            ? number.Masked
            : "XXXXXXXX-XXXX";
        var application = found.Application;
        return TypedResults.Ok(new ApplicationResponse(application.Id, application.PersonId, application.District, application.RegisteredAt,
            application.RegisteredBy, application.ResponsibleSocialSecretary, application.Outcome?.ToString(), masked));
    }
}
