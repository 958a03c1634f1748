using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.Jobbtorg.Commands;
using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Tests.Support;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;
using Orchestration.Testing.Messaging;

namespace Orchestration.Jobbtorg.Tests.Consumers;

/// <summary>The production profile in this process: the command through RabbitMQ to its quorum queue, the state in PostgreSQL.</summary>
[Trait("Category", "Integration")]
public sealed class IssueJobbtorgReferralOnRabbitMqTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_command_delivered_twice_opens_one_referral_whose_event_is_published()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var host = await TestHost.StartAsync(environment.Variables().Select(v => $"{v.Key.Replace("__", ":", StringComparison.Ordinal)}={v.Value}").ToArray());
        var observer = new ConsumedMessages();
        using var connection = host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(observer);
        var command = new IssueJobbtorgReferral(Guid.NewGuid(), Guid.NewGuid(), "skarpnack", JobbtorgUnit.Jobbtorg, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        await JobbtorgCase.SendAsync(host, command, messageId);
        await JobbtorgCase.SendAsync(host, command, messageId);

        await Poll.UntilAsync(() => Task.FromResult(observer.Count(messageId) >= 2 ? "both" : null), Timeout, "both deliveries");
        var referral = await JobbtorgCase.WaitForOpenAsync(host, command.ReferralId, JobbtorgUnit.Jobbtorg);
        (await JobbtorgCase.QueryAsync(host, db => db.Referrals.CountAsync(r => r.ReferralId == command.ReferralId))).Should().Be(1);
        var published = await Poll.UntilAsync(async () =>
        {
            var dispatched = await JobbtorgCase.QueryAsync(host, db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.DispatchedAt != null).ToListAsync());
            return dispatched.SingleOrDefault(m => m.Body.Contains(referral.Id.ToString(), StringComparison.Ordinal));
        }, Timeout, "JobbtorgReferralReceived to be published");
        published.MessageType.Should().StartWith("Orchestration.Contracts.Jobbtorg.Events.JobbtorgReferralReceived");
    }

    [Fact]
    public async Task CloseJobbtorgReferral_through_RabbitMQ_closes_the_referral_once_and_the_district_may_refer_again_on_PostgreSQL()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var host = await TestHost.StartAsync(environment.Variables().Select(v => $"{v.Key.Replace("__", ":", StringComparison.Ordinal)}={v.Value}").ToArray());
        var observer = new ConsumedMessages();
        using var connection = host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(observer);
        var issue = new IssueJobbtorgReferral(Guid.NewGuid(), Guid.NewGuid(), "skarpnack", JobbtorgUnit.Jobbtorg, DateTimeOffset.UtcNow);
        await JobbtorgCase.SendAsync(host, issue, Guid.NewGuid());
        var first = await JobbtorgCase.WaitForOpenAsync(host, issue.ReferralId, JobbtorgUnit.Jobbtorg);
        var close = new CloseJobbtorgReferral(issue.ReferralId, ClosureOutcome.LostContact, DateTimeOffset.UtcNow);
        var closeId = Guid.NewGuid();

        await JobbtorgCase.SendCommandAsync(host, close, closeId);
        await JobbtorgCase.SendCommandAsync(host, close, closeId);
        await Poll.UntilAsync(() => Task.FromResult(observer.Count(closeId) >= 2 ? "both" : null), Timeout, "both deliveries");
        await JobbtorgCase.SendAsync(host, issue, Guid.NewGuid());

        var again = await JobbtorgCase.WaitForOpenAsync(host, issue.ReferralId, JobbtorgUnit.Jobbtorg);
        again.Id.Should().NotBe(first.Id, "the closed referral leaves room for a new one under the filtered unique index");
        var closed = await JobbtorgCase.QueryAsync(host, db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == first.Id));
        closed.Should().BeEquivalentTo(new { Status = ReferralStatus.Closed, Outcome = (ClosureOutcome?)ClosureOutcome.LostContact });
        (await JobbtorgCase.StagedForAsync(host, issue.ReferralId)).Select(s => s.Type).Should()
            .Equal("JobbtorgReferralReceived", "JobbtorgReferralClosed", "JobbtorgReferralReceived");
    }
}
