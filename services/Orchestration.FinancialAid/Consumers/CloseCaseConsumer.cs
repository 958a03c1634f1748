using MassTransit;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.FinancialAid.Commands;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.FinancialAid.Consumers;

/// <summary>
/// Closes the case with the outcome another service reported (work, moved, lost contact …), with CaseClosed in the
/// same transaction. A case already closed keeps its closure and no second CaseClosed leaves; a redelivery is
/// skipped by the inbox. An unknown referral is a bad message (retries, then the error queue).
/// </summary>
public sealed class CloseCaseConsumer(FinancialAidDbContext db, TimeProvider time) : IConsumer<CloseCase>
{
    public async Task Consume(ConsumeContext<CloseCase> context)
    {
        var command = context.Message;
        var now = time.GetUtcNow();
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == command.ReferralId, context.CancellationToken)
            ?? throw new InvalidOperationException($"{nameof(CloseCase)} names referral {command.ReferralId}, which financial aid does not have.");
        var reportedBy = string.IsNullOrWhiteSpace(command.ReportedBy) ? "process" : command.ReportedBy.Trim();
        if (application.CloseAsReported(command.Outcome, reportedBy[..Math.Min(reportedBy.Length, 100)], now))
        {
            db.Stage(new CaseClosed(application.Id, application.District, command.Outcome, now), now);
            application.NewVersion();
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
