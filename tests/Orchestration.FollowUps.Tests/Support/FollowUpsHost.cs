using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Access;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults;
using Orchestration.ServiceDefaults.Messaging;

namespace Orchestration.FollowUps.Tests.Support;

/// <summary>
/// A host built as the executable builds it (service defaults, the one bus, the module's pair), with the follow-ups
/// module alone and a <see cref="FakeTimeProvider"/> as its clock, listening on a free loopback port.
/// </summary>
public sealed class FollowUpsHost : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private readonly WebApplication _app;
    private readonly string _dataFolder;

    private FollowUpsHost(WebApplication app, string dataFolder, FakeTimeProvider time)
    {
        _app = app;
        _dataFolder = dataFolder;
        Time = time;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);
    }

    public Uri BaseAddress { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public string DataFolder => _dataFolder;

    /// <summary>Starts the host; <paramref name="settings"/> are "Key=Value" pairs, as on the command line.</summary>
    public static async Task<FollowUpsHost> StartAsync(FakeTimeProvider time, params string[] settings)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "orchestration-tests", Guid.NewGuid().ToString("N"));
        string[] args = [$"--Orchestration:DataFolder={dataFolder}", "--Urls=http://127.0.0.1:0", .. settings.Select(s => "--" + s)];
        var builder = WebApplication.CreateBuilder(args);
        var hostSettings = builder.AddServiceDefaults();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddAccess(builder.Configuration, hostSettings);
        builder.Services.AddFollowUps(builder.Configuration);
        builder.AddMessageBus(hostSettings);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapAccess();
        app.MapFollowUps();
        await app.StartAsync();
        return new FollowUpsHost(app, dataFolder, time);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// A client acting as <paramref name="name"/> (the account name reminders follow) through an API key the local
    /// admin creates. API keys do not expire, so the fake clock may move months afterwards.
    /// </summary>
    public async Task<HttpClient> ClientForAsync(string name, string role, string? district)
    {
        using var anonymous = CreateClient();
        var login = await anonymous.PostAsJsonAsync("/elsa/api/identity/login", new { username = "admin", password = "admin-local" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var admin = CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await admin.PostAsJsonAsync("/api/access/api-keys", new { name, roles = new[] { role }, district });
        created.EnsureSuccessStatusCode();
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey",
            (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());
        return client;
    }

    /// <summary>Sends a command as the workflows do: to the exchange of its one consuming endpoint.</summary>
    public async Task SendAsync<T>(T command, Guid? messageId = null)
        where T : class
    {
        var endpoint = await Services.GetRequiredService<IBus>().GetSendEndpoint(CommandRoutes.Address(typeof(T)));
        await endpoint.Send(command, context => context.MessageId = messageId ?? NewId.NextGuid());
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class =>
        Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());

    public async Task<T> QueryAsync<T>(Func<FollowUpsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FollowUpsDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }
}
