using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Endpoints.Cases;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Testing.Hosting;

namespace Orchestration.FinancialAid.Tests.Endpoints;

/// <summary>
/// Two caseworkers save one financial-aid case at once: both read it, one saves through the API, the other saves
/// from its earlier reading through the same save step the endpoints use. The later one is told (409) instead of
/// silently writing over a case it has not seen, and no step of either is lost.
/// </summary>
public sealed class ConcurrentSaveTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private static readonly ClaimsPrincipal Caseworker = new(new ClaimsIdentity(
        OrchestrationClaims.For("test", "socialsecretary", "password", [Roles.SocialSecretary], "spanga-tensta"),
        "Test", OrchestrationClaims.Name, OrchestrationClaims.Role));

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Two_saves_of_one_case_from_the_same_reading_one_succeeds_the_other_gets_409_and_nothing_is_lost()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var referral = await ReferralCase.RegisterAsync(client, "19900101-0017");
        await using var slow = Host.Services.CreateAsyncScope();
        var slowDb = slow.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
        var (readBefore, _) = await FinancialAidCases.FindForCaseworkerAsync(slowDb, referral.Id, Caseworker, CancellationToken.None);
        var versionRead = readBefore!.Version;

        var first = await client.PostAsJsonAsync($"{referral.Path}/aid-decisions", new { validFrom = "2026-12-01", validTo = "2027-05-31" });
        first.StatusCode.Should().Be(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var firstId = (await first.Content.ReadFromJsonAsync<IdOnly>())!.Id;

        var second = AddAidDecision(slowDb, readBefore);
        var refused = await slowDb.SaveCaseAsync(readBefore, FinancialAidCases.CaseName, CancellationToken.None);

        refused.Should().NotBeNull("the case changed after the second caseworker read it");
        refused!.StatusCode.Should().Be(StatusCodes.Status409Conflict);
        refused.ProblemDetails.Title.Should().Be("Changed meanwhile");
        (await DecisionsAsync(referral.Id)).Should().Equal(firstId);
        (await EventsAsync(referral.Id)).Should().Be(1, "the refused save staged nothing that leaves");
        (await CurrentVersionAsync(referral.Id)).Should().NotBe(versionRead, "the first save gave the case a new version");

        await using var again = Host.Services.CreateAsyncScope();
        var againDb = again.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
        var (readAgain, _) = await FinancialAidCases.FindForCaseworkerAsync(againDb, referral.Id, Caseworker, CancellationToken.None);
        var retried = AddAidDecision(againDb, readAgain!);
        (await againDb.SaveCaseAsync(readAgain!, FinancialAidCases.CaseName, CancellationToken.None)).Should().BeNull();
        (await DecisionsAsync(referral.Id)).Should().BeEquivalentTo([firstId, retried]);
        (await EventsAsync(referral.Id)).Should().Be(2);
        second.Should().NotBe(retried);
    }

    private static Guid AddAidDecision(FinancialAidDbContext db, AidApplication application)
    {
        var now = DateTimeOffset.UtcNow;
        var decision = new AidDecision
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            ValidFrom = new DateOnly(2026, 12, 1),
            ValidTo = new DateOnly(2027, 2, 28),
            DecidedAt = now,
            DecidedBy = "socialsecretary",
        };
        db.AidDecisions.Add(decision);
        db.Stage(new AidDecisionMade(application.Id, decision.Id, application.District, decision.ValidFrom, decision.ValidTo, now), now);
        return decision.Id;
    }

    private async Task<List<Guid>> DecisionsAsync(Guid referralId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().AidDecisions
            .Where(d => d.ApplicationId == referralId).Select(d => d.Id).ToListAsync();
    }

    private async Task<Guid> CurrentVersionAsync(Guid referralId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().Applications
            .Where(a => a.Id == referralId).Select(a => a.Version).SingleAsync();
    }

    private async Task<int> EventsAsync(Guid referralId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var staged = await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
        return staged.Count(m => m.MessageType.Contains($".{nameof(AidDecisionMade)},", StringComparison.Ordinal)
            && m.Body.Contains(referralId.ToString(), StringComparison.Ordinal));
    }

    private sealed record IdOnly(Guid Id);
}
