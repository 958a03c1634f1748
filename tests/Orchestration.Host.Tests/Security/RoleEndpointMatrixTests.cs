using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Orchestration.Access;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Testing.Hosting;
using Xunit.Abstractions;

namespace Orchestration.Host.Tests.Security;

/// <summary>
/// Every route of the host, called anonymously and as each role, against the table below (written from DESIGN.md
/// "Security and privacy" and DOMAIN.md §2, not read from the endpoints): anonymous gets 401 unless the route is
/// public, a role outside the row gets 403, a role inside gets through (a 403 then must say why, e.g. another
/// district). Every answer also carries the browser protections. A route missing from the table fails the test, so
/// a new endpoint is classified when it is added.
/// </summary>
public sealed partial class RoleEndpointMatrixTests(TestHostFixture fixture, ITestOutputHelper output) : IClassFixture<TestHostFixture>
{
    private static readonly string[] Everyone = [.. Roles.All];
    private static readonly string[] Public = ["(anonymous)"];

    /// <summary>First matching row wins: (method regex, route pattern regex, roles allowed).</summary>
    private static readonly (string Method, string Pattern, string[] Roles)[] Table =
    [
        // Shells and documents without data: health, the API description, the login, Studio's and the caseworkers' page shells.
        (".*", "^/$", Public),
        (".*", "^/health/", Public),
        (".*", "^/openapi/", Public),
        (".*", "^/scalar", Public),
        (".*", "^/elsa/api/identity/", Public),
        (".*", "^/studio/", Public),
        (".*", "^/pages/", Public),

        // Administration: accounts, API keys, error queues, Hangfire, running the claimer by hand.
        ("GET", "^/api/access/me$", Everyone),
        (".*", "^/api/access/", [Roles.Admin]),
        (".*", "^/api/admin/", [Roles.Admin]),
        (".*", "^/hangfire", [Roles.Admin]),
        ("POST", "^/api/follow-ups/claims$", [Roles.Admin]),

        // The process owner edits the process and its code lists; the admin may too.
        (".*", "^/api/(financial-aid|jobbtorg)/code-lists/", [Roles.ProcessOwner, Roles.Admin]),
        (".*", "^/api/financial-aid/code-lists/aid-decision-cap$", [Roles.ProcessOwner, Roles.Admin]),

        // Financial aid: the social secretary's case; Jobbtorg reads the health and social parts (only with consent, checked inside);
        // the coordinator may assign the responsible social secretary of their district.
        ("PUT", "^/api/financial-aid/applications/\\{id:guid\\}/responsible$", [Roles.SocialSecretary, Roles.Coordinator]),
        ("GET", "^/api/financial-aid/applications/\\{id:guid\\}/(mapping-part-3|fia-social-part)$", [Roles.SocialSecretary, Roles.JobbtorgCoach]),
        (".*", "^/api/financial-aid", [Roles.SocialSecretary]),

        // Jobbtorg: the coach's referral; a re-referral's reason is read by the district's social secretaries too.
        ("GET", "^/api/jobbtorg/re-referrals/", [Roles.SocialSecretary, Roles.JobbtorgCoach]),
        (".*", "^/api/jobbtorg", [Roles.JobbtorgCoach]),

        // District interventions: work consultants and social secretaries; the catalogue is read by every role and
        // kept by the district staff and the admin.
        ("GET", "^/api/interventions/catalogue", Everyone),
        (".*", "^/api/interventions/catalogue", [Roles.WorkConsultant, Roles.SocialSecretary, Roles.Admin]),
        (".*", "^/api/interventions", [Roles.WorkConsultant, Roles.SocialSecretary]),

        // Follow-ups: the responsible social secretary's own, the coordinator's district, one deadline for either.
        (".*", "^/api/follow-ups/(mine|cases/mine|deadlines/\\{id:guid\\}/move)$", [Roles.SocialSecretary]),
        (".*", "^/api/follow-ups/districts/", [Roles.Coordinator]),
        (".*", "^/api/follow-ups", [Roles.Coordinator, Roles.SocialSecretary]),

        // A case's whole path: the district's social secretaries and coordinators (district checked inside), the admin.
        ("GET", "^/api/case-timeline/", [Roles.SocialSecretary, Roles.Coordinator, Roles.Admin]),

        // Statistics: the coordinator (own district) and the admin (all).
        (".*", "^/api/statistics", [Roles.Coordinator, Roles.Admin]),

        // The workflow API: any signed-in role may look at the process and its instances (they hold ids, never
        // personal data); only the process owner and the admin change, run, cancel or delete anything.
        (".*", "^/elsa/api/runtime/", [Roles.ProcessOwner, Roles.Admin]),
        ("GET", "^/elsa/api/", Everyone),
        ("POST", "^/elsa/api/workflow-instances/?$", Everyone),
        ("POST", "^/elsa/api/workflow-instances/\\{id\\}/journal$", Everyone),
        ("POST", "^/elsa/api/(descriptors/|activity-executions/|scripting/)", Everyone),
        (".*", "^/elsa/api/", [Roles.ProcessOwner, Roles.Admin]),
    ];

    [Fact]
    public async Task Each_role_reaches_exactly_the_routes_the_design_gives_it_and_every_answer_carries_the_security_headers()
    {
        var endpoints = HostEndpoints.Of(fixture.Host);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var account in LocalAccounts.All)
        {
            clients[account.Role] = await fixture.Host.CreateClientForAsync(account.UserName);
        }

        using var anonymous = fixture.Host.CreateClient();
        var failures = new List<string>();
        var unclassified = new List<string>();
        var requests = 0;
        try
        {
            foreach (var endpoint in endpoints)
            {
                if (Expected(endpoint) is not { } allowed)
                {
                    unclassified.Add($"{endpoint} (policies: {string.Join(",", endpoint.Policies)})");
                    continue;
                }

                var isPublic = allowed == Public;
                var callers = new List<(string Role, HttpClient Client)> { ("(anonymous)", anonymous) };
                callers.AddRange(clients.Select(c => (c.Key, c.Value)));
                foreach (var (role, client) in callers)
                {
                    using var response = await client.SendAsync(Request(endpoint));
                    requests++;
                    var status = (int)response.StatusCode;
                    var body = await response.Content.ReadAsStringAsync();
                    var may = isPublic || allowed.Contains(role);
                    if (role == "(anonymous)" && !isPublic && response.StatusCode != HttpStatusCode.Unauthorized)
                    {
                        failures.Add($"{endpoint} anonymous: {status}, expected 401");
                    }
                    else if (role != "(anonymous)" && !may && response.StatusCode != HttpStatusCode.Forbidden)
                    {
                        failures.Add($"{endpoint} as {role}: {status}, expected 403");
                    }
                    else if (may && (response.StatusCode == HttpStatusCode.Unauthorized
                                     || (response.StatusCode == HttpStatusCode.Forbidden && !body.Contains("\"detail\"", StringComparison.Ordinal))))
                    {
                        failures.Add($"{endpoint} as {role}: {status}, expected to get through");
                    }
                    else if (status >= 500)
                    {
                        failures.Add($"{endpoint} as {role}: {status} {Shorten(body)}");
                    }

                    failures.AddRange(MissingHeaders(response).Select(h => $"{endpoint} as {role}: no {h}"));
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        output.WriteLine($"{endpoints.Count} routes × {clients.Count + 1} callers: {requests} requests");
        endpoints.Should().HaveCountGreaterThan(80, "the host maps the services', the workflow API's and the pages' routes");
        unclassified.Should().BeEmpty("every route must have a row in the role table");
        failures.Should().BeEmpty(string.Join("\n", failures));
    }

    private static string[]? Expected(HostEndpoint endpoint) =>
        Table.FirstOrDefault(r => Regex.IsMatch(endpoint.Method, $"^{r.Method}$") && Regex.IsMatch(endpoint.Pattern, r.Pattern)).Roles;

    private static HttpRequestMessage Request(HostEndpoint endpoint) => new(new HttpMethod(endpoint.Method), endpoint.Path)
    {
        // An empty object reaches JSON endpoints; the checks above run before the body is bound anyway.
        Content = endpoint.Method is "POST" or "PUT" or "PATCH" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
    };

    /// <summary>The headers every answer must carry, whatever its status: no sniffing, no framing, a policy.</summary>
    internal static IEnumerable<string> MissingHeaders(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || !sniff.Contains("nosniff"))
        {
            yield return "X-Content-Type-Options: nosniff";
        }

        if (!response.Headers.TryGetValues("X-Frame-Options", out var frame) || !frame.Contains("DENY"))
        {
            yield return "X-Frame-Options: DENY";
        }

        if (!response.Headers.TryGetValues("Content-Security-Policy", out var csp) || !csp.Single().Contains("frame-ancestors 'none'", StringComparison.Ordinal)
            || csp.Single().Contains("'unsafe-eval'", StringComparison.Ordinal))
        {
            yield return "Content-Security-Policy with frame-ancestors 'none' and without 'unsafe-eval'";
        }
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] : body;
}
