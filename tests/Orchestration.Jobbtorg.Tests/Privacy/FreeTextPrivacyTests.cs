using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Tests.Support;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Observability;
using Orchestration.Testing.Hosting;

namespace Orchestration.Jobbtorg.Tests.Privacy;

/// <summary>The coach's free text (mapping part 2, FIA, re-referral reason) stays in Jobbtorg's tables: never in a log line or a message.</summary>
public sealed class FreeTextPrivacyTests
{
    private const string Route = JobbtorgCase.Route;

    [Fact]
    public async Task Free_text_of_a_case_reaches_neither_the_logs_nor_the_messages()
    {
        var capture = Path.Combine(Path.GetTempPath(), "jobbtorg-capture", Guid.NewGuid().ToString("N"));
        const string IntakeNote = "MARKER-intake-skulder-hos-kronofogden";
        const string FiaNote = "MARKER-fia-utbildning-i-hemlandet";
        const string Reason = "MARKER-reason-vald-i-nära-relation";
        Guid referralId;
        try
        {
            await using (var host = await TestHost.StartAsync($"{PrivacyCapture.Setting}={capture}"))
            {
                using var coach = await host.CreateClientForAsync("jobbtorgcoach");
                var referral = await JobbtorgCase.ReceiveAsync(host);
                referralId = referral.ReferralId;
                await ExpectSuccessAsync(coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/intake",
                    new { highestEducation = "Primary", swedishLevel = "SfiB", jobSeeking = "NotSeeking", notes = IntakeNote }));
                await ExpectSuccessAsync(coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/fia-job-part", new { goal = "NotYetClear", notes = FiaNote }));
                await ExpectSuccessAsync(coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/re-referral", new { reasonCode = "Other", reasonText = Reason }));
                var id = referralId.ToString();
                await Poll.UntilAsync(async () => (await JobbtorgCase.QueryAsync(host, db => db.Set<OutboxMessage>().AsNoTracking()
                        .Where(m => m.DispatchedAt != null).ToListAsync())).Count(m => m.Body.Contains(id, StringComparison.Ordinal)) == 4 ? "sent" : null,
                    TimeSpan.FromSeconds(20), "the four events to be sent");
            }

            var captured = string.Join('\n', Directory.GetFiles(capture).Select(File.ReadAllText));
            captured.Should().Contain("ReReferredToDistrict").And.Contain(referralId.ToString(), "the capture must hold this case's log lines and messages for the scan to mean anything");
            captured.Should().NotContain("MARKER");
        }
        finally
        {
            Directory.Delete(capture, recursive: true);
        }
    }

    private static async Task ExpectSuccessAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        response.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], await response.Content.ReadAsStringAsync());
    }
}
