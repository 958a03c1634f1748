using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.Contracts.FollowUps.Commands;
using Orchestration.FollowUps.Endpoints.Cases;
using Orchestration.FollowUps.Tests.Support;
using Orchestration.Testing.Hosting;

namespace Orchestration.FollowUps.Tests.Endpoints;

/// <summary>
/// "My cases": every referral financial aid names the social secretary responsible for, with its stage and nearest
/// open follow-up, also those without any follow-up; a reassignment moves the case to the new person.
/// </summary>
public sealed class MyCasesApiTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task My_cases_lists_the_cases_I_am_responsible_for_with_and_without_a_follow_up_and_follows_a_reassignment()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await FollowUpsHost.StartAsync(time, "FollowUps:ClaimCron=0 0 1 1 *");
        using var anna = await host.ClientForAsync("anna", "SocialSecretary", "spanga-tensta");
        using var bo = await host.ClientForAsync("bo", "SocialSecretary", "spanga-tensta");
        using var coach = await host.ClientForAsync("coach", "JobbtorgCoach", "spanga-tensta");
        var now = time.GetUtcNow();
        var (applied, started, bos) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        // A registered application only (no follow-up yet), a started intervention with its first deadline, and Bo's case.
        await host.PublishAsync(new ApplicationRegistered(applied, Guid.NewGuid(), "spanga-tensta", now));
        await host.PublishAsync(new ResponsibleSocialSecretaryAssigned(applied, "spanga-tensta", "anna", now));
        await host.PublishAsync(new ResponsibleSocialSecretaryAssigned(started, "spanga-tensta", "anna", now));
        await host.SendAsync(new ScheduleFollowUps(started, Guid.NewGuid(), "spanga-tensta", now.AddMinutes(1), "P1M", "P3M", null));
        await host.PublishAsync(new ResponsibleSocialSecretaryAssigned(bos, "spanga-tensta", "bo", now));
        await Poll.UntilAsync(() => host.QueryAsync<string?>(async db =>
            await db.Deadlines.CountAsync() == 1 && await db.CaseProgress.CountAsync() == 3 && await db.CaseProgress.CountAsync(p => p.Stage != null) == 1 ? "heard" : null), Wait, "the events");

        var mine = await CasesAsync(anna);
        mine.Select(c => c.ReferralId).Should().BeEquivalentTo([applied, started]);
        var onlyApplied = mine.Single(c => c.ReferralId == applied);
        (onlyApplied.Stage, onlyApplied.NextFollowUpDueOn, onlyApplied.NextFollowUpId).Should().Be(("Applied", (DateOnly?)null, (Guid?)null), "a case without any follow-up is listed too");
        var withFollowUp = mine.Single(c => c.ReferralId == started);
        withFollowUp.NextFollowUpDueOn.Should().NotBeNull();
        withFollowUp.NextFollowUpId.Should().NotBeNull();
        withFollowUp.District.Should().Be("spanga-tensta");
        (await CasesAsync(bo)).Select(c => c.ReferralId).Should().Equal(bos);

        // The case moves to Bo: it leaves Anna's list and joins his.
        await host.PublishAsync(new ResponsibleSocialSecretaryAssigned(applied, "spanga-tensta", "bo", now.AddMinutes(5)));
        await Poll.UntilAsync(async () => (await CasesAsync(bo)).Count == 2 ? "moved" : null, Wait, "the reassignment");
        (await CasesAsync(anna)).Select(c => c.ReferralId).Should().Equal(started);

        (await coach.GetAsync("/api/follow-ups/cases/mine")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await host.CreateClient().GetAsync("/api/follow-ups/cases/mine")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task<List<MyCase>> CasesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<MyCase>>("/api/follow-ups/cases/mine", FollowUpsHost.Json))!;
}
