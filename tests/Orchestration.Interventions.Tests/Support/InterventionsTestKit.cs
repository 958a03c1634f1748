using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Access;
using Orchestration.Contracts.Interventions.Commands;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Endpoints.Referrals;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Testing.Hosting;

namespace Orchestration.Interventions.Tests.Support;

/// <summary>Arranges intervention referrals through the real command and API, and reads the module's tables back.</summary>
public static class InterventionsTestKit
{
    public const string Referrals = "/api/interventions/referrals";
    public const string Catalogue = "/api/interventions/catalogue";
    public const string OwnDistrict = LocalAccounts.LocalDistrict;

    /// <summary>Demo entries (DemoCatalogueSeeder): Steget in Skarpnäck is open to other districts, Kom-i-gång in Farsta is not.</summary>
    public static readonly Guid Steget = Guid.Parse("5e6e1c1a-0001-4000-8000-000000000001");
    public static readonly Guid KomIGangFarsta = Guid.Parse("5e6e1c1a-0001-4000-8000-000000000003");
    public static readonly Guid Praktikcentrum = Guid.Parse("5e6e1c1a-0001-4000-8000-000000000004");
    public static readonly Guid Kompetensverkstan = Guid.Parse("5e6e1c1a-0001-4000-8000-000000000005");

    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    public static async Task SendAsync(TestHost host, OpenInterventionReferral command, Guid messageId)
    {
        var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(CommandRoutes.Address(typeof(OpenInterventionReferral)));
        await endpoint.Send(command, context => context.MessageId = messageId);
    }

    /// <summary>Sends CloseInterventionReferral, as the referral workflow does after the Resurs intake or when the case closes.</summary>
    public static async Task CloseAsync(TestHost host, CloseInterventionReferral command, Guid? messageId = null)
    {
        var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(CommandRoutes.Address(typeof(CloseInterventionReferral)));
        await endpoint.Send(command, context => context.MessageId = messageId ?? NewId.NextGuid());
    }

    /// <summary>Sends OpenInterventionReferral, as the referral workflow does, and waits for the referral it opens.</summary>
    public static async Task<InterventionReferral> OpenReferralAsync(TestHost host, string district = OwnDistrict)
    {
        var referralId = Guid.NewGuid();
        await SendAsync(host, new OpenInterventionReferral(referralId, Guid.NewGuid(), district, TimeProvider.System.GetUtcNow()), NewId.NextGuid());
        return await Poll.UntilAsync(() => QueryAsync(host, db => db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.ReferralId == referralId)),
            WaitLimit, $"the intervention referral of referral {referralId}");
    }

    public static async Task<T> QueryAsync<T>(TestHost host, Func<InterventionsDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<InterventionsDbContext>());
    }

    /// <summary>Every row that a refused request must leave untouched: referrals (with their version), talks, follow-ups, catalogue, outbox, audit.</summary>
    public static Task<string> SnapshotAsync(TestHost host) => QueryAsync(host, async db =>
    {
        var referrals = await db.Referrals.AsNoTracking().OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.State}:{r.Version}").ToListAsync();
        var catalogue = await db.Catalogue.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Version}").ToListAsync();
        return string.Join("|", referrals) + "#" + string.Join("|", catalogue)
            + $"#talks={await db.Talks.CountAsync()}#followups={await db.FollowUps.CountAsync()}"
            + $"#outbox={await db.Set<OutboxMessage>().CountAsync()}#audit={await db.Set<AuditEntry>().CountAsync()}";
    });

    public static object Assignment(string marker = "") => new
    {
        purpose = "Build a steady daily routine " + marker,
        goals = new[]
        {
            new { goal = "Attend four days a week", subGoals = new[] { "Two days a week in the first month", "Four days a week by the third month" } },
            new { goal = "Handle the work tasks without support", subGoals = Array.Empty<string>() },
        },
        tasks = new[] { "Bicycle workshop repairs", "Stock-taking in the second-hand shop" },
        expectedResult = "Ready for work training at a regular workplace",
        individualView = "Wants to work with bicycles " + marker,
    };

    public static object FollowUp(bool ready = false, string marker = "") => new
    {
        attendancePercent = 80,
        attendanceNote = "Missed two mornings",
        workAbility = new
        {
            physical = new { level = "Good", note = "No limits noted" },
            psychological = new { level = "Reduced", note = "Tires in the afternoon " + marker },
            social = new { level = "Good" },
        },
        individualView = "Feels more confident " + marker,
        goals = new[] { new { goalNumber = 1, attainment = "PartlyAchieved", note = "Three days a week" } },
        readiness = new[]
        {
            new { code = "TookPartInActivity", status = "Met", note = (string?)null },
            new { code = "SufficientlyMotivated", status = "Unknown", note = (string?)"To discuss at the next follow-up" },
        },
        readyForJobbtorgResurs = ready,
    };

    /// <summary>Chooses the intervention, writes assignment and both plans; returns the referral ready to start.</summary>
    public static async Task PrepareAsync(HttpClient client, Guid id, Guid interventionId)
    {
        await ExpectAsync(client.PutAsJsonAsync($"{Referrals}/{id}/intervention", new { interventionId }), HttpStatusCode.OK);
        await ExpectAsync(client.PutAsJsonAsync($"{Referrals}/{id}/assignment", Assignment()), HttpStatusCode.OK);
        await ExpectAsync(client.PutAsJsonAsync($"{Referrals}/{id}/work-plan", new { content = "Mornings in the workshop", hoursPerWeek = 16 }), HttpStatusCode.OK);
        await ExpectAsync(client.PutAsJsonAsync($"{Referrals}/{id}/implementation-plan", new { content = "Supervisor introduces the tasks in week one" }),
            HttpStatusCode.OK);
    }

    /// <summary>A referral of the caller's district that has started in <paramref name="interventionId"/>.</summary>
    public static async Task<Guid> StartedReferralAsync(TestHost host, HttpClient client, Guid interventionId)
    {
        var referral = await OpenReferralAsync(host);
        await PrepareAsync(client, referral.Id, interventionId);
        await ExpectAsync(client.PostAsJsonAsync($"{Referrals}/{referral.Id}/start", new { aidDecisionReference = "BD-2012-0042" }), HttpStatusCode.OK);
        return referral.Id;
    }

    public static async Task<ReferralResponse> ReadAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<ReferralResponse>($"{Referrals}/{id}", Json))!;

    public static async Task<HttpResponseMessage> ExpectAsync(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        var response = await call;
        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>The API writes enums as strings.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
