using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Orchestration.Testing.Hosting;

namespace Orchestration.ServiceDefaults.Tests.Hosting;

/// <summary>A body that is not JSON gets 415 whoever sends it (issue 13: 401/403 instead, even for a correct login sent as text/plain).</summary>
public sealed class ContentTypeTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private const string Login = "{\"username\":\"socialsecretary\",\"password\":\"socialsecretary-local\"}";

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_correct_login_in_another_content_type_gets_415(string contentType)
    {
        using var client = fixture.Host.CreateClient();

        var response = await client.PostAsync("/elsa/api/identity/login", new StringContent(Login, Encoding.UTF8, contentType));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Status.Should().Be(415);
    }

    [Theory]
    [InlineData("socialsecretary")]
    [InlineData("jobbtorgcoach")]
    public async Task A_service_endpoint_answers_415_to_a_body_that_is_not_json_whatever_the_role(string account)
    {
        using var client = await fixture.Host.CreateClientForAsync(account);

        var response = await client.PostAsync("/api/financial-aid/applications",
            new StringContent("<application><personnummer>19850315-0008</personnummer></application>", Encoding.UTF8, "application/xml"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType, "what is wrong is the body, whoever sends it");
    }

    [Fact]
    public async Task The_same_login_as_json_still_signs_in()
    {
        using var client = fixture.Host.CreateClient();

        var response = await client.PostAsync("/elsa/api/identity/login", new StringContent(Login, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
