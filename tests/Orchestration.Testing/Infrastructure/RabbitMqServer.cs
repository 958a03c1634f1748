using System.Net.Http.Headers;
using System.Text;

namespace Orchestration.Testing.Infrastructure;

/// <summary>
/// The real RabbitMQ that <c>deploy/local/infra.sh up</c> starts. Each caller gets a virtual host of its own
/// (made through the management API), so queues of parallel tests never mix.
/// </summary>
public static class RabbitMqServer
{
    public const string EnvironmentVariable = "ORCHESTRATION_TEST_RABBITMQ";
    public const string ManagementEnvironmentVariable = "ORCHESTRATION_TEST_RABBITMQ_MANAGEMENT";

    private static Uri BaseUri => new(Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
        ? configured
        : "amqp://orchestration:orchestration@127.0.0.1:5672/orchestration");

    private static Uri ManagementUri => new(Environment.GetEnvironmentVariable(ManagementEnvironmentVariable) is { Length: > 0 } configured
        ? configured
        : "http://127.0.0.1:15672/api/");

    public static async Task<TestVirtualHost> CreateVirtualHostAsync()
    {
        var name = $"test-{Guid.NewGuid():N}"[..17];
        using var client = ManagementClient();
        await Send(client, HttpMethod.Put, $"vhosts/{name}", null);
        var user = UserName();
        await Send(client, HttpMethod.Put, $"permissions/{name}/{Uri.EscapeDataString(user)}",
            """{"configure":".*","write":".*","read":".*"}""");
        var uri = new UriBuilder(BaseUri) { Path = "/" + name }.Uri;
        return new TestVirtualHost(name, uri);
    }

    public static async Task DeleteVirtualHostAsync(string name)
    {
        using var client = ManagementClient();
        await Send(client, HttpMethod.Delete, $"vhosts/{name}", null);
    }

    private static string UserName() => Uri.UnescapeDataString(BaseUri.UserInfo.Split(':')[0]);

    private static HttpClient ManagementClient()
    {
        var client = new HttpClient { BaseAddress = ManagementUri, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(BaseUri.UserInfo))));
        return client;
    }

    private static async Task Send(HttpClient client, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException(
                $"The RabbitMQ management API is not reachable at {ManagementUri} ({ex.Message}). " +
                $"Start RabbitMQ with 'deploy/local/infra.sh up' (as root) or set {EnvironmentVariable} and {ManagementEnvironmentVariable}.", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"RabbitMQ management API {method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }
}
