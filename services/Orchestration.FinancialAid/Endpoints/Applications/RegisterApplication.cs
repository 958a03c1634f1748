using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid.Endpoints.Applications;

/// <summary>
/// Registers an application for financial aid (the first phone call): validates the personnummer, finds or makes
/// the person's opaque id, and commits the application with its ApplicationRegistered event, which starts the
/// referral process, and ResponsibleSocialSecretaryAssigned: the registering social secretary is responsible. The personnummer stays in this module.
/// </summary>
internal static class RegisterApplication
{
    public sealed record Request(string? Personnummer, string? District);

    public static async Task<Results<Created<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var district = (string.IsNullOrWhiteSpace(request.District) ? user.FindFirstValue(OrchestrationClaims.District) : request.District)?.Trim().ToLowerInvariant() ?? "";
        if (DistrictAccess.Check(user, district) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        if (!Personnummer.TryParse(request.Personnummer, DateOnly.FromDateTime(now.UtcDateTime), out var personnummer, out var error))
        {
            return CaseProblems.Invalid("personnummer", error);
        }

        var person = await db.Persons.FirstOrDefaultAsync(p => p.Personnummer == personnummer.Value, cancellationToken);
        if (person is null)
        {
            person = new Person { Id = Guid.NewGuid(), Personnummer = personnummer.Value, CreatedAt = now };
            db.Persons.Add(person);
        }

        var application = AidApplication.Register(person.Id, district, user.UserName(), now,
            gender: personnummer.Gender, birthYear: personnummer.BirthDate.Year);
        db.Applications.Add(application);
        db.Stage(new ApplicationRegistered(application.Id, person.Id, district, now), now);
        db.Stage(new ResponsibleSocialSecretaryAssigned(application.Id, district, application.ResponsibleSocialSecretary, now), now);
        db.Audit(user, AuditAction.Created, nameof(AidApplication), application.Id, district, now);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/financial-aid/applications/{application.Id}",
            new ApplicationResponse(application.Id, person.Id, district, now, application.RegisteredBy, application.ResponsibleSocialSecretary, null, personnummer.Masked));
    }
}
