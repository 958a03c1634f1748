using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints.ReReferrals;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>
/// Re-referral to the district (återremittering) with a reason from the editable list; closes the Jobbtorg referral.
/// The message names no reason: the district's social secretary reads it from GET re-referrals/{id}.
/// </summary>
internal static class ReReferToDistrict
{
    public sealed record Request(string? ReasonCode, string? ReasonText);

    private sealed record Input(ReReferral ReReferral, string ReasonLabel);

    public static Task<Results<Created<ReReferralView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            async (referral, errors, now) =>
            {
                var reason = await Codes.FindActiveAsync(db, CodeList.ReReferralReason, request.ReasonCode, "reasonCode", errors, cancellationToken);
                var text = errors.Note("reasonText", request.ReasonText);
                if (reason is { RequiresText: true } && text is null)
                {
                    errors.Add("reasonText", $"The reason '{reason.Code}' needs a free text that says what it is.");
                }

                return new Input(new ReReferral
                {
                    Id = Guid.NewGuid(),
                    JobbtorgReferralId = referral.Id,
                    ReferralId = referral.ReferralId,
                    District = referral.District,
                    ReasonCode = reason?.Code ?? "",
                    ReasonText = text,
                    ReReferredAt = now,
                    ReReferredBy = user.UserName(),
                }, reason?.Label ?? "");
            },
            (referral, input, now) =>
            {
                var refused = referral.ReReferToDistrict(input.ReReferral);
                if (refused is null)
                {
                    db.Audit(user, AuditAction.Created, GetReReferral.CaseType, input.ReReferral.Id, referral.District, now);
                }

                return refused;
            },
            (_, input) => Task.FromResult(TypedResults.Created($"{JobbtorgModule.RoutePrefix}/re-referrals/{input.ReReferral.Id}",
                ReReferralView.From(input.ReReferral, input.ReasonLabel))),
            cancellationToken);
}
