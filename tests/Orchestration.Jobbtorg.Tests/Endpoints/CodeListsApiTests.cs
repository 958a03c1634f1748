using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Orchestration.Jobbtorg.Endpoints.CodeLists;
using Orchestration.Jobbtorg.Tests.Support;
using Orchestration.Testing.Hosting;

namespace Orchestration.Jobbtorg.Tests.Endpoints;

/// <summary>The process owner edits the re-referral reasons and intervention kinds; a used code is deactivated, never deleted.</summary>
public sealed class CodeListsApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private const string Route = JobbtorgCase.Route;

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task The_lists_start_with_the_domain_defaults()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");

        var reasons = await coach.GetFromJsonAsync<List<CodeView>>($"{Route}/re-referral-reasons", JobbtorgCase.Json);
        var kinds = await coach.GetFromJsonAsync<List<CodeView>>($"{Route}/intervention-kinds", JobbtorgCase.Json);

        reasons!.Select(r => r.Code).Should().StartWith(["MentalIllHealth", "ActiveOrUntreatedAddiction", "LongIllnessWithoutRehabilitation",
            "WorkCapacityToBeInvestigated", "UnidentifiedObstacles", "Motivation", "NeedsCareContact", "Other"]);
        reasons!.Single(r => r.Code == "Other").RequiresText.Should().BeTrue();
        kinds!.Select(k => k.Code).Should().Contain(["Investigation", "SfiTest", "Validation", "StartOwnBusinessAdvice", "MotivationWork"]);
    }

    [Fact]
    public async Task A_new_reason_is_offered_to_coaches_and_once_used_is_deactivated_instead_of_deleted()
    {
        using var owner = await Host.CreateClientForAsync("processowner");
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var created = await owner.PostAsJsonAsync($"{Route}/code-lists/re-referral-reasons", new { code = "NeedsDebtCounselling", label = "Behov av skuldrådgivning" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await coach.GetFromJsonAsync<List<CodeView>>($"{Route}/re-referral-reasons", JobbtorgCase.Json))!.Should().Contain(c => c.Code == "NeedsDebtCounselling");
        var referral = await JobbtorgCase.ReceiveAsync(Host);
        (await coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/re-referral", new { reasonCode = "NeedsDebtCounselling" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var removed = await owner.DeleteAsync($"{Route}/code-lists/re-referral-reasons/NeedsDebtCounselling");

        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await removed.Content.ReadFromJsonAsync<CodeView>(JobbtorgCase.Json))!.Active.Should().BeFalse();
        (await owner.GetFromJsonAsync<List<CodeView>>($"{Route}/code-lists/re-referral-reasons", JobbtorgCase.Json))!
            .Should().ContainSingle(c => c.Code == "NeedsDebtCounselling").Which.Active.Should().BeFalse();
        (await coach.GetFromJsonAsync<List<CodeView>>($"{Route}/re-referral-reasons", JobbtorgCase.Json))!.Should().NotContain(c => c.Code == "NeedsDebtCounselling");
        var another = await JobbtorgCase.ReceiveAsync(Host);
        (await coach.PostAsJsonAsync($"{Route}/referrals/{another.Id}/re-referral", new { reasonCode = "NeedsDebtCounselling" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "a deactivated code can no longer be chosen");
    }

    [Fact]
    public async Task An_unused_kind_is_deleted_and_a_label_can_be_changed()
    {
        using var owner = await Host.CreateClientForAsync("admin");
        (await owner.PostAsJsonAsync($"{Route}/code-lists/intervention-kinds", new { code = "CultureAndRehabilitation", label = "Kultur och rehabilitering" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var changed = await owner.PutAsJsonAsync($"{Route}/code-lists/intervention-kinds/CultureAndRehabilitation", new { label = "Kultur + rehabilitering", sortOrder = 5 });
        var removed = await owner.DeleteAsync($"{Route}/code-lists/intervention-kinds/CultureAndRehabilitation");

        (await changed.Content.ReadFromJsonAsync<CodeView>(JobbtorgCase.Json)).Should().BeEquivalentTo(
            new CodeView("CultureAndRehabilitation", "Kultur + rehabilitering", false, true, 5));
        removed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await owner.GetFromJsonAsync<List<CodeView>>($"{Route}/code-lists/intervention-kinds", JobbtorgCase.Json))!.Should().NotContain(c => c.Code == "CultureAndRehabilitation");
    }

    [Fact]
    public async Task Bad_codes_duplicates_and_unknown_codes_are_refused_and_change_nothing()
    {
        using var owner = await Host.CreateClientForAsync("processowner");
        var before = await JobbtorgCase.CountsAsync(Host);

        var badCode = await owner.PostAsJsonAsync($"{Route}/code-lists/re-referral-reasons", new { code = "två ord", label = "X" });
        var noLabel = await owner.PostAsJsonAsync($"{Route}/code-lists/re-referral-reasons", new { code = "Fine" });
        var duplicate = await owner.PostAsJsonAsync($"{Route}/code-lists/re-referral-reasons", new { code = "Motivation", label = "Igen" });
        var unknownCode = await owner.PutAsJsonAsync($"{Route}/code-lists/re-referral-reasons/Nope", new { label = "X" });

        (await badCode.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors.Should().ContainKey("code");
        (await noLabel.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors.Should().ContainKey("label");
        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await duplicate.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("already has the code 'Motivation'");
        unknownCode.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await JobbtorgCase.CountsAsync(Host)).Should().Be(before);
    }
}
