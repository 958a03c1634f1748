using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.Jobbtorg.Commands;
using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;

namespace Orchestration.Jobbtorg.Tests.Support;

/// <summary>Arranges Jobbtorg cases the way production does (the command through the bus) and reads the module's tables.</summary>
public static class JobbtorgCase
{
    public const string Route = "/api/jobbtorg";
    public const string LocalDistrict = "spanga-tensta";

    /// <summary>The API writes enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static readonly object Intake = new
    {
        highestEducation = "UpperSecondary",
        swedishLevel = "SfiD",
        yearsSinceLastWork = 2,
        jobSeeking = "SeekingOccasionally",
        registeredWithArbetsformedlingen = true,
        hasDrivingLicence = false,
        notes = "Vill bli undersköterska; fri text som aldrig får loggas",
    };

    /// <summary>Sends IssueJobbtorgReferral to its queue under <paramref name="messageId"/>.</summary>
    public static Task SendAsync(TestHost host, IssueJobbtorgReferral command, Guid messageId) => SendCommandAsync(host, command, messageId);

    /// <summary>Sends a command to its queue, as the referral workflow does, under <paramref name="messageId"/>.</summary>
    public static async Task SendCommandAsync<TCommand>(TestHost host, TCommand command, Guid messageId)
        where TCommand : class
    {
        var sender = host.Services.GetRequiredService<ISendEndpointProvider>();
        var endpoint = await sender.GetSendEndpoint(CommandRoutes.Address(typeof(TCommand)));
        await endpoint.Send(command, context => context.MessageId = messageId);
    }

    /// <summary>A new referral from <paramref name="district"/>, received by the consumer; returns Jobbtorg's referral.</summary>
    public static async Task<JobbtorgReferral> ReceiveAsync(TestHost host, string district = LocalDistrict, JobbtorgUnit unit = JobbtorgUnit.Jobbtorg)
    {
        var command = new IssueJobbtorgReferral(Guid.NewGuid(), Guid.NewGuid(), district, unit, DateTimeOffset.UtcNow);
        await SendAsync(host, command, Guid.NewGuid());
        return await WaitForOpenAsync(host, command.ReferralId, unit);
    }

    public static Task<JobbtorgReferral> WaitForOpenAsync(TestHost host, Guid referralId, JobbtorgUnit unit) =>
        Poll.UntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<JobbtorgDbContext>().Referrals.AsNoTracking()
                .Where(r => r.ReferralId == referralId && r.Unit == unit).Where(JobbtorgReferral.IsOpenExpression).FirstOrDefaultAsync();
        }, TimeSpan.FromSeconds(20), $"Jobbtorg to receive referral {referralId}");

    /// <summary>A referral received and taken in through the first visit.</summary>
    public static async Task<JobbtorgReferral> TakenInAsync(TestHost host, HttpClient coach, string district = LocalDistrict)
    {
        var referral = await ReceiveAsync(host, district);
        (await coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/intake", Intake)).EnsureSuccessStatusCode();
        return referral;
    }

    public static async Task<T> QueryAsync<T>(TestHost host, Func<JobbtorgDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<JobbtorgDbContext>());
    }

    /// <summary>Everything a refused request must leave unchanged.</summary>
    public static Task<Counts> CountsAsync(TestHost host) =>
        QueryAsync(host, async db => new Counts(
            await db.Referrals.CountAsync(r => r.Status == ReferralStatus.Received),
            await db.Intakes.CountAsync(),
            await db.FiaJobParts.CountAsync(),
            await db.ResursIntakes.CountAsync(),
            await db.Interventions.CountAsync(i => i.State == InterventionState.Booked),
            await db.Interventions.CountAsync(i => i.State == InterventionState.Started),
            await db.ReReferrals.CountAsync(),
            await db.Codes.CountAsync(c => c.Active),
            await db.Set<OutboxMessage>().CountAsync(),
            await db.Set<AuditEntry>().CountAsync()));

    /// <summary>The messages staged for one district referral, oldest first, as type name and JSON body.</summary>
    public static Task<List<(string Type, string Body)>> StagedForAsync(TestHost host, Guid referralId) =>
        QueryAsync(host, async db => (await db.Set<OutboxMessage>().AsNoTracking().ToListAsync())
            .Where(m => m.Body.Contains(referralId.ToString(), StringComparison.Ordinal))
            .OrderBy(m => m.CreatedAt)
            .Select(m => (m.MessageType.Split(',')[0].Split('.')[^1], m.Body))
            .ToList());

    public sealed record Counts(int Received, int Intakes, int FiaParts, int ResursIntakes, int Booked, int Started, int ReReferrals,
        int ActiveCodes, int Outbox, int Audit);
}
