using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Access;
using Orchestration.Host;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Testing.Hosting;

/// <summary>
/// The real host, built by the same code as the executable and listening on a free loopback port, in this test
/// process. Embedded profile by default, with a data folder of its own that is deleted afterwards.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataFolder;

    private TestHost(WebApplication app, string dataFolder, Uri baseAddress)
    {
        _app = app;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host; <paramref name="settings"/> are "Key=Value" pairs, as on the command line.</summary>
    public static Task<TestHost> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <summary>Starts a host on its own clock (e.g. <see cref="ShiftedTimeProvider"/>), so months pass without waiting.</summary>
    public static async Task<TestHost> StartAsync(TimeProvider? time, params string[] settings)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "orchestration-tests", Guid.NewGuid().ToString("N"));
        string[] args =
        [
            $"--Orchestration:DataFolder={dataFolder}",
            "--Urls=http://127.0.0.1:0",
            .. settings.Select(s => "--" + s),
        ];
        var app = HostProgram.Build(args, time is null ? null : services => services.AddSingleton(time));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TestHost(app, dataFolder, new Uri(address));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client signed in as one of the documented local accounts (embedded profile).</summary>
    public async Task<HttpClient> CreateClientForAsync(string userName)
    {
        var account = LocalAccounts.All.Single(a => a.UserName == userName);
        return CreateBearerClient((await LoginAsync(account.UserName, account.Password)).AccessToken);
    }

    /// <summary>A client acting in <paramref name="role"/> for <paramref name="district"/>, through an API key the admin creates.</summary>
    public async Task<HttpClient> CreateClientForDistrictAsync(string role, string district)
    {
        using var admin = await CreateClientForAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/access/api-keys", new { name = $"{role} in {district}", roles = new[] { role }, district });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return CreateApiKeyClient(created.GetProperty("key").GetString()!);
    }

    public async Task<LoginResult> LoginAsync(string userName, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/elsa/api/identity/login", new { username = userName, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LoginResult>())!;
    }

    public HttpClient CreateBearerClient(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public HttpClient CreateApiKeyClient(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
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
