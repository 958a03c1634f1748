using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.Jobbtorg.Events;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints.ReReferrals;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.Jobbtorg.Persistence.Configurations;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>
/// Re-referral to the district (återremittering) with a reason from the editable list; closes the Jobbtorg referral.
/// The message names no reason: the district's social secretary reads it from GET re-referrals/{id}.
/// </summary>
internal static class ReReferToDistrict
{
    public sealed record Request(string? ReasonCode, string? ReasonText);

    public static async Task<Results<Created<ReReferralView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var referral = await db.FindReferralAsync(id, cancellationToken);
        if (referral is null)
        {
            return CaseProblems.NotFound("Jobbtorg referral", id);
        }

        var errors = new ValidationErrors();
        var reason = await Codes.FindActiveAsync(db, CodeList.ReReferralReason, request.ReasonCode, "reasonCode", errors, cancellationToken);
        var text = string.IsNullOrWhiteSpace(request.ReasonText) ? null : request.ReasonText.Trim();
        if (reason is { RequiresText: true } && text is null)
        {
            errors.Add("reasonText", $"The reason '{reason.Code}' needs a free text that says what it is.");
        }

        if (text is { Length: > Limits.FreeText })
        {
            errors.Add("reasonText", $"At most {Limits.FreeText} characters.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (CaseChanges.RefuseIfClosed(referral) is { } closed)
        {
            return closed;
        }

        if (referral.Interventions.Where(i => i.State == InterventionState.Started).Select(i => i.Id).ToList() is { Count: > 0 } running)
        {
            return CaseProblems.OutOfOrder($"End the running Jobbtorg interventions ({string.Join(", ", running)}) first, completed or broken off.");
        }

        var now = time.GetUtcNow();
        foreach (var booked in referral.Interventions.Where(i => i.State == InterventionState.Booked))
        {
            // Never started, so there is nothing to end and no event: the booking lapses with the referral.
            booked.State = InterventionState.Cancelled;
        }

        var reReferral = new ReReferral
        {
            Id = Guid.NewGuid(),
            JobbtorgReferralId = referral.Id,
            ReferralId = referral.ReferralId,
            District = referral.District,
            ReasonCode = reason!.Code,
            ReasonText = text,
            ReReferredAt = now,
            ReReferredBy = user.UserName(),
        };
        referral.ReReferral = reReferral;
        referral.Status = ReferralStatus.ReReferred;
        db.Stage(new ReReferredToDistrict(referral.ReferralId, reReferral.Id, referral.District, now), now);
        db.Audit(user, AuditAction.Changed, CaseChanges.CaseType, referral.Id, referral.District, now);
        db.Audit(user, AuditAction.Created, GetReReferral.CaseType, reReferral.Id, referral.District, now);
        if (await db.SaveCaseAsync(referral, CaseChanges.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"{JobbtorgModule.RoutePrefix}/re-referrals/{reReferral.Id}", ReReferralView.From(reReferral, reason.Label));
    }
}
