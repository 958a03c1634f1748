using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Endpoints.Cases;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>
/// Records an instrument once per referral, after the one it follows, together with its "completed" event. The
/// answers stay here; the event says only that the step is done.
/// </summary>
internal static class RecordInstrument
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Created<InstrumentResponse>, ValidationProblem, ProblemHttpResult>> Handle<TAnswers>(
        Guid id, TAnswers? answers, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
        where TAnswers : IInstrumentAnswers
    {
        if (answers is null)
        {
            // A generic body parameter is optional to minimal APIs, so an empty request arrives here as null.
            return CaseProblems.Invalid("body", $"A JSON body with the answers of {TAnswers.Instrument} is required.");
        }

        var now = time.GetUtcNow();
        var errors = answers.Validate(DateOnly.FromDateTime(now.UtcDateTime), await db.ReadActiveListsAsync(cancellationToken));
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (application, problem) = await FinancialAidCases.FindForCaseworkerAsync(db, id, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (application!.RefuseInstrument(TAnswers.Instrument, TAnswers.After) is { } refused)
        {
            return refused.ToProblem();
        }

        var record = application.RecordInstrument(TAnswers.Instrument, TAnswers.After, JsonSerializer.Serialize(answers, Json), user.UserName(), now);
        db.Stage(answers.CompletedEvent(id, application.District, now), now);
        db.Audit(user, AuditAction.Created, TAnswers.Instrument.ToString(), id, application.District, now);
        if (await db.SaveCaseAsync(application, FinancialAidCases.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"{FinancialAidModule.RoutePrefix}/applications/{id}/{InstrumentRoutes.Segment(TAnswers.Instrument)}", Response(record));
    }

    public static InstrumentResponse Response(InstrumentRecord record) =>
        new(record.Id, record.ApplicationId, record.Instrument.ToString(), JsonDocument.Parse(record.Answers).RootElement.Clone(), record.RecordedAt, record.RecordedBy);
}
