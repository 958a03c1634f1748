using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Orchestration.Testing.Hosting;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>The error-queue administration is for admins, and says plainly when the profile has no error queues.</summary>
public sealed class ErrorQueuesApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task Only_admins_reach_the_error_queues()
    {
        await AuthorizationMatrix.AssertAsync(fixture.Host, HttpMethod.Get, "/api/admin/error-queues", "Admin");
    }

    [Fact]
    public async Task The_embedded_profile_explains_that_it_keeps_no_error_queues()
    {
        using var admin = await fixture.Host.CreateClientForAsync("admin");

        var response = await admin.GetAsync("/api/admin/error-queues");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("RabbitMQ");
    }
}
