using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Access;
using Orchestration.ServiceDefaults;
using Orchestration.Testing.Hosting;
using Xunit.Abstractions;

namespace Orchestration.Host.Tests.Security;

/// <summary>
/// Hostile input over every route of the API, found in the running host rather than listed: malformed, deeply
/// nested, oversized and mistyped bodies, SQL- and script-like text in every text field and route value, invalid
/// personnummer, another district's data. Each is sent by a role that may call the route, so it reaches the
/// endpoint's own checks; each must get a 4xx ProblemDetails without internals, with /health/ready answering beside it.
/// </summary>
public sealed class HostileInputTests(TestHostFixture fixture, ITestOutputHelper output) : IClassFixture<TestHostFixture>
{
    private static readonly string[] HostileTexts =
    [
        "'; DROP TABLE \"Accounts\"; --",
        "' OR '1'='1' --",
        "<script>alert(document.cookie)</script>",
        "{{ 'x' | append: 'y' }}${7*7}",
        "../../../../etc/passwd",
        "\u0000\u202e\uFFFF",
        new string('x', 100_000),
    ];

    [Fact]
    public async Task Malformed_nested_mistyped_and_oversized_bodies_get_a_problem_and_change_nothing()
    {
        var probe = new HostileInputProbe(fixture.Host);
        var callers = await CallersAsync();
        var writes = HostEndpoints.Of(fixture.Host).Where(e => e.TakesBody && !e.Anonymous
            && (e.Pattern.StartsWith("/api/", StringComparison.Ordinal) || e.Pattern.StartsWith("/elsa/api/", StringComparison.Ordinal))).ToList();
        var before = await probe.SnapshotAsync();

        foreach (var endpoint in writes)
        {
            var client = callers(endpoint);
            foreach (var (what, content) in BadBodies())
            {
                // Fields a route does not bind are ignored (a query that reads may then answer 200); the rest must fail.
                var (answered, _) = await probe.SendAsync(client, new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path) { Content = content },
                    $"{endpoint} {what}", errorExpected: what is not WrongTypes and not NoBody);
                if ((int)answered is >= 200 and < 300)
                {
                    output.WriteLine($"{endpoint} {what}: {(int)answered}");
                }
            }
        }

        // The size limit: a body beyond the host's cap is refused before it is read (the client waits for "100 Continue").
        var largest = writes.First(e => e.Method == "POST" && e.Pattern.TrimEnd('/') == "/elsa/api/workflow-definitions");
        var oversized = new HttpRequestMessage(HttpMethod.Post, largest.Path)
        {
            Content = new ByteArrayContent(new byte[ServiceDefaultsExtensions.MaxRequestBodyBytes + 1]) { Headers = { ContentType = new("application/json") } },
        };
        oversized.Headers.ExpectContinue = true;
        var (status, _) = await probe.SendAsync(callers(largest), oversized, $"{largest} over {ServiceDefaultsExtensions.MaxRequestBodyBytes} bytes");
        status.Should().Be(HttpStatusCode.RequestEntityTooLarge);

        var after = await probe.SnapshotAsync();
        output.WriteLine($"{writes.Count} write routes, {probe.Requests} requests; statuses {string.Join(", ", probe.StatusCounts.Select(s => $"{s.Key}×{s.Value}"))}; worst /health/ready {probe.WorstHealth.TotalMilliseconds:0} ms");
        probe.Failures.Should().BeEmpty(string.Join("\n", probe.Failures));
        after.Should().Equal(before, "refused requests change nothing");
    }

    private const string WrongTypes = "wrong types";

    // Some routes take an optional body (an event's trigger, a list's filter).
    private const string NoBody = "no body";

    private static IEnumerable<(string What, HttpContent Content)> BadBodies()
    {
        yield return ("malformed JSON", Json("{\"name\": \"x\", "));
        yield return ("JSON array instead of object", Json("[1,2,3]"));
        yield return (WrongTypes, Json("{\"personnummer\": 19121212, \"district\": [], \"model\": \"x\", \"publish\": \"yes\", \"ids\": 5}"));
        yield return ("deeply nested JSON", Json("{\"model\":" + new string('[', 5_000) + new string(']', 5_000) + "}"));
        yield return ("deeply nested objects", Json(string.Concat(Enumerable.Repeat("{\"a\":", 3_000)) + "1" + new string('}', 3_000)));
        yield return ("text/plain", new StringContent("{}", Encoding.UTF8, "text/plain"));
        yield return ("XML", new StringContent("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>", Encoding.UTF8, "application/xml"));
        yield return (NoBody, Json(""));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>A client per route that holds one of the roles the route's policy admits (the first one named).</summary>
    private async Task<Func<HostEndpoint, HttpClient>> CallersAsync()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var account in LocalAccounts.All)
        {
            clients[account.Role] = await fixture.Host.CreateClientForAsync(account.UserName);
        }

        var policies = fixture.Host.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        return endpoint =>
        {
            var roles = endpoint.Policies
                .Select(p => policies.GetPolicyAsync(p).GetAwaiter().GetResult()!.Requirements.OfType<RolesAuthorizationRequirement>().LastOrDefault()?.AllowedRoles.ToList())
                .LastOrDefault(r => r is not null);
            return clients[roles?.First() ?? "ProcessOwner"];
        };
    }

    [Fact]
    public async Task Hostile_text_in_every_field_and_route_value_is_refused_or_stored_as_text_and_never_reaches_the_database_as_code()
    {
        var probe = new HostileInputProbe(fixture.Host);
        var callers = await CallersAsync();
        using var client = fixture.Host.CreateClient();
        var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var endpoints = HostEndpoints.Of(fixture.Host).Where(e => !e.Anonymous && (e.Pattern.StartsWith("/api/", StringComparison.Ordinal)
            || e.Pattern.StartsWith("/elsa/api/", StringComparison.Ordinal)) && !e.Pattern.Contains("/claims", StringComparison.Ordinal)).ToList();
        var before = await probe.SnapshotAsync();

        foreach (var endpoint in endpoints)
        {
            var operation = document["paths"]?[DocumentPath(endpoint.Pattern)]?[endpoint.Method.ToLowerInvariant()];
            var schema = Resolve(operation?["requestBody"]?["content"]?["application/json"]?["schema"], schemas);
            foreach (var text in HostileTexts)
            {
                // Kestrel itself refuses an encoded NUL in a URL (400 without a body, before any of our code), so route
                // and query values go without it; bodies carry it.
                var inUrl = Uri.EscapeDataString(text.Replace("\u0000", "", StringComparison.Ordinal)[..Math.Min(text.Length - 1, 200)]);
                var path = endpoint.Pattern.Contains('{') ? HostEndpoints.Fill(endpoint.Pattern, inUrl) : endpoint.Path;
                var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path + (endpoint.Method == "GET" ? $"?q={inUrl}&skip=-1&take=100000" : ""));
                if (endpoint.Method is "POST" or "PUT")
                {
                    request.Content = JsonContent.Create(Fill(schema, schemas, text, depth: 0));
                }

                await probe.SendAsync(callers(endpoint), request, $"{endpoint} with '{text[..Math.Min(text.Length, 20)]}'", errorExpected: false);
            }
        }

        var after = await probe.SnapshotAsync();
        output.WriteLine($"{endpoints.Count} routes, {probe.Requests} requests; statuses {string.Join(", ", probe.StatusCounts.Select(s => $"{s.Key}×{s.Value}"))}; worst /health/ready {probe.WorstHealth.TotalMilliseconds:0} ms");
        output.WriteLine("rows changed: " + string.Join(", ", after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key} {before.GetValueOrDefault(a.Key)}→{a.Value}")));
        probe.Failures.Should().BeEmpty(string.Join("\n", probe.Failures));
        after.Keys.Should().BeEquivalentTo(before.Keys, "no table was dropped or made");
        after.Should().OnlyContain(a => a.Value >= before[a.Key], "no row was deleted");
    }

    [Fact]
    public async Task Invalid_personnummer_and_another_districts_data_are_refused_with_a_reason()
    {
        var probe = new HostileInputProbe(fixture.Host);
        using var secretary = await fixture.Host.CreateClientForAsync("socialsecretary");
        using var coordinator = await fixture.Host.CreateClientForAsync("coordinator");
        var before = await probe.SnapshotAsync();

        foreach (var personnummer in new[] { "19121212-1213", "20991301-0000", "abc", "", "' OR 1=1 --" })
        {
            var (status, _) = await probe.SendAsync(secretary, new HttpRequestMessage(HttpMethod.Post, "/api/financial-aid/applications")
            {
                Content = JsonContent.Create(new { personnummer, district = HostEndpoints.District }),
            }, $"personnummer '{personnummer}'");
            ((int)status).Should().BeOneOf(400, 422);
        }

        var (other, body) = await probe.SendAsync(coordinator, new HttpRequestMessage(HttpMethod.Get, "/api/follow-ups/districts/skarholmen"), "another district's follow-ups");
        other.Should().Be(HttpStatusCode.Forbidden);
        body.Should().Contain("detail");
        var (register, _) = await probe.SendAsync(secretary, new HttpRequestMessage(HttpMethod.Post, "/api/financial-aid/applications")
        {
            Content = JsonContent.Create(new { personnummer = TestPersonnummer.Make(1985, 42, female: true), district = "skarholmen" }),
        }, "a referral in another district");
        ((int)register).Should().BeOneOf(400, 403, 422);

        probe.Failures.Should().BeEmpty(string.Join("\n", probe.Failures));
        (await probe.SnapshotAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task Hostile_workflow_definitions_are_refused_or_fault_within_their_limits_and_the_host_stays_healthy()
    {
        var probe = new HostileInputProbe(fixture.Host);
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var suffix = Guid.NewGuid().ToString("N")[..8];

        // Refused at save: what no runtime can run.
        var refused = new Dictionary<string, JsonObject>
        {
            ["unknown activity type"] = Definition($"unknown-{suffix}", [Activity("Evil1", "Evil.RunShell", ("command", Literal("rm -rf /")))], []),
            ["a connection to a missing activity"] = Definition($"dangling-{suffix}", [Activity("A", "Elsa.WriteLine", ("text", Literal("a")))], [Connection("A", "Nowhere")]),
        };
        foreach (var (what, model) in refused)
        {
            var (status, _) = await probe.SendAsync(owner, Save(model), what);
            ((int)status).Should().BeInRange(400, 499, what);
        }

        var (nestedStatus, _) = await probe.SendAsync(owner, new HttpRequestMessage(HttpMethod.Post, "/elsa/api/workflow-definitions")
        {
            Content = new StringContent(Nested($"nested-{suffix}", 2_000), Encoding.UTF8, "application/json"),
        }, "flowcharts nested 2,000 deep");
        ((int)nestedStatus).Should().BeInRange(400, 499);

        // Accepted as designs, then run: each ends Faulted, within its time limit, and says why.
        var hostileScripts = new Dictionary<string, JsonObject>
        {
            ["JavaScript endless loop"] = Script("JavaScript", "while (true) {}"),
            ["JavaScript huge string"] = Script("JavaScript", "'x'.repeat(1e9)"),
            ["JavaScript huge array"] = Script("JavaScript", "let a = []; while (true) { a.push(new Array(100000).fill(1)); }"),
            ["JavaScript deep recursion"] = Script("JavaScript", "function f(n) { return f(n + 1) + 1; } f(0)"),
            ["JavaScript CLR access"] = Script("JavaScript", "System.IO.File.ReadAllText('/etc/passwd')"),
            ["JavaScript importNamespace"] = Script("JavaScript", "importNamespace('System.IO').File.ReadAllText('/etc/passwd')"),
            ["JavaScript host escape"] = Script("JavaScript", "this.constructor.constructor('return process')().env"),
            ["Liquid endless range"] = Script("Liquid", "{% for i in (1..1000000000) %}{% for j in (1..1000000000) %}x{% endfor %}{% endfor %}"),
            ["Liquid include of a file"] = Script("Liquid", "{% include '/etc/passwd' %}"),
            ["Liquid huge output"] = Script("Liquid", "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s }}"),
        };
        var slowest = TimeSpan.Zero;
        foreach (var (what, script) in hostileScripts)
        {
            var id = $"script-{suffix}-{hostileScripts.Keys.ToList().IndexOf(what)}";
            var saved = await probe.SendAsync(owner, Save(Definition(id, [Activity("Run1", "Elsa.SetOutput", ("outputName", Literal("Result")), ("outputValue", script))], [])), $"{what} saved", errorExpected: false);
            saved.Status.Should().Be(HttpStatusCode.OK, saved.Body);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var (status, body) = await probe.SendAsync(owner, new HttpRequestMessage(HttpMethod.Post, $"/elsa/api/workflow-definitions/{id}/execute") { Content = JsonContent.Create(new { }) }, $"{what} run", errorExpected: false);
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            if (status == HttpStatusCode.OK)
            {
                var instance = JsonNode.Parse(body)!;
                instance["subStatus"]!.ToString().Should().Be("Faulted", $"{what} must not finish: {body[..Math.Min(body.Length, 400)]}");
                var (_, incidents) = await probe.SendAsync(owner, new HttpRequestMessage(HttpMethod.Get, $"/elsa/api/workflow-instances/{instance["id"]}/incidents"), $"{what} incidents", errorExpected: false);
                incidents.Should().Contain("\"message\"", "the incident says why");
            }
        }

        // A cycle without an end and 5,000 activities: saved, and run with a bounded burst.
        var cycle = Definition($"cycle-{suffix}", [Activity("A", "Elsa.WriteLine", ("text", Literal("a"))), Activity("B", "Elsa.WriteLine", ("text", Literal("b")))],
            [Connection("A", "B"), Connection("B", "A")]);
        var wide = Definition($"wide-{suffix}", [.. Enumerable.Range(0, 5_000).Select(i => Activity($"W{i}", "Elsa.WriteLine", ("text", Literal("w"))))],
            [.. Enumerable.Range(0, 4_999).Select(i => Connection($"W{i}", $"W{i + 1}"))]);
        foreach (var (what, model) in new[] { ("endless cycle", cycle), ("5,000 activities", wide) })
        {
            var (saved, savedBody) = await probe.SendAsync(owner, Save(model), $"{what} saved", errorExpected: false);
            if (saved != HttpStatusCode.OK)
            {
                continue; // refused with a 4xx ProblemDetails, which the probe checked
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var (status, body) = await probe.SendAsync(owner, new HttpRequestMessage(HttpMethod.Post, $"/elsa/api/workflow-definitions/{model["definitionId"]}/execute") { Content = JsonContent.Create(new { }) }, $"{what} run", errorExpected: false);
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            output.WriteLine($"{what}: saved {saved}, run {(int)status} {(status == HttpStatusCode.OK ? JsonNode.Parse(body)!["subStatus"] : body[..Math.Min(200, body.Length)])} in {watch.ElapsedMilliseconds} ms ({savedBody.Length} bytes)");
        }

        output.WriteLine($"{probe.Requests} requests; slowest run {slowest.TotalMilliseconds:0} ms; worst /health/ready {probe.WorstHealth.TotalMilliseconds:0} ms");
        probe.Failures.Should().BeEmpty(string.Join("\n", probe.Failures));
        slowest.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }

    private static HttpRequestMessage Save(JsonObject model) =>
        new(HttpMethod.Post, "/elsa/api/workflow-definitions") { Content = JsonContent.Create(new { model, publish = true }) };

    private static JsonObject Definition(string definitionId, JsonObject[] activities, JsonObject[] connections) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = definitionId,
        ["variables"] = new JsonArray(),
        ["outputs"] = new JsonArray(new JsonObject { ["type"] = "Object", ["name"] = "Result" }),
        ["root"] = new JsonObject
        {
            ["id"] = "Flowchart1",
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["activities"] = new JsonArray([.. activities]),
            ["connections"] = new JsonArray([.. connections]),
        },
    };

    /// <summary>A save request with flowcharts inside flowcharts, <paramref name="depth"/> levels down (as text: the client's serializer stops at 64).</summary>
    private static string Nested(string definitionId, int depth)
    {
        var text = new StringBuilder("{\"model\":{\"definitionId\":\"").Append(definitionId).Append("\",\"name\":\"nested\",\"root\":");
        for (var i = 0; i < depth; i++)
        {
            text.Append("{\"id\":\"F").Append(i).Append("\",\"type\":\"Elsa.Flowchart\",\"version\":1,\"connections\":[],\"activities\":[");
        }

        text.Append("{\"id\":\"Leaf\",\"type\":\"Elsa.WriteLine\",\"version\":1}");
        for (var i = 0; i < depth; i++)
        {
            text.Append("]}");
        }

        return text.Append("},\"publish\":true}").ToString();
    }

    private static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value;
        }

        return activity;
    }

    private static JsonObject Connection(string source, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = "Done" },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    private static JsonObject Literal(string value) => new()
    {
        ["typeName"] = "String",
        ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value },
    };

    private static JsonObject Script(string language, string script) => new()
    {
        ["typeName"] = "Object",
        ["expression"] = new JsonObject { ["type"] = language, ["value"] = script },
    };

    private static JsonNode? Fill(JsonObject? schema, JsonObject schemas, string text, int depth)
    {
        schema = Resolve(schema, schemas);
        if (schema is null || depth > 4)
        {
            return JsonValue.Create(text);
        }

        var type = schema["type"] is JsonArray types ? types.Select(t => t?.ToString()).FirstOrDefault(t => t != "null") : schema["type"]?.ToString();
        return type switch
        {
            "object" or null when schema["properties"] is JsonObject properties =>
                new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, Fill(p.Value as JsonObject, schemas, text, depth + 1)))),
            "array" => new JsonArray(Fill(schema["items"] as JsonObject, schemas, text, depth + 1)),
            "integer" or "number" => JsonValue.Create(-1),
            "boolean" => JsonValue.Create(true),
            "string" when schema["format"]?.ToString() == "uuid" => JsonValue.Create(Guid.NewGuid()),
            "string" when schema["format"]?.ToString() is "date" or "date-time" => JsonValue.Create("9999-12-31"),
            _ => JsonValue.Create(text),
        };
    }

    private static JsonObject? Resolve(JsonNode? schema, JsonObject schemas)
    {
        for (var depth = 0; schema is JsonObject current && depth < 5; depth++)
        {
            if (current["$ref"]?.ToString() is { } reference)
            {
                schema = schemas[reference.Split('/')[^1]];
                continue;
            }

            if ((current["oneOf"] ?? current["anyOf"] ?? current["allOf"]) is JsonArray choices)
            {
                schema = choices.FirstOrDefault(c => c?["$ref"] is not null || c?["properties"] is not null || c?["type"]?.ToString() != "null");
                continue;
            }

            return current;
        }

        return null;
    }

    /// <summary>The route as the OpenAPI document names it: constraints dropped.</summary>
    private static string DocumentPath(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}", m => "{" + m.Groups[1].Value + "}");
}
