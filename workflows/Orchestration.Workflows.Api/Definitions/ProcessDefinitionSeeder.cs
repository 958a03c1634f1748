using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Persistence.Definitions;

namespace Orchestration.Workflows.Api.Definitions;

/// <summary>
/// Publishes the process definitions shipped in <c>workflows/definitions/</c> (e.g. the referral process) the first
/// time a database starts without them. Never overwrites: once a definition exists, the process owner's versions
/// in Studio are the truth. Two workflow nodes starting together cannot both seed (unique definition id + version).
/// </summary>
internal sealed partial class ProcessDefinitionSeeder(ILogger<ProcessDefinitionSeeder> logger) : IDatabaseStartupTask
{
    private const string ResourcePrefix = "Orchestration.Workflows.Definitions.";

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // The definition service is scoped (it holds a DbContext): resolve it in a scope of its own, never from the root.
        await using var scope = services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        foreach (var (name, model) in Shipped())
        {
            var definitionId = model["definitionId"]!.ToString();
            if (await definitions.FindAsync(definitionId, VersionOptions.Latest, cancellationToken) is not null)
            {
                continue;
            }

            try
            {
                var result = await definitions.SaveAsync(model, publish: true, cancellationToken);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"The shipped definition {name} is invalid: {string.Join("; ", result.Errors.Select(e => e.Message))}");
                }

                LogSeeded(definitionId, name);
            }
            catch (DbUpdateException)
            {
                // Another node seeded it at the same moment.
            }
        }
    }

    public static IEnumerable<(string Name, JsonObject Model)> Shipped()
    {
        var assembly = typeof(ProcessDefinitionSeeder).Assembly;
        var shipped = new List<(string Name, JsonObject Model)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            shipped.Add((resource[ResourcePrefix.Length..], JsonNode.Parse(stream)!.AsObject()));
        }

        // Workflows used as activities first: the referral process can only be published once its activities exist.
        return shipped.OrderByDescending(s => UsableAsActivity(s.Model)).ThenBy(s => s.Name, StringComparer.Ordinal);
    }

    private static bool UsableAsActivity(JsonObject model) =>
        model["options"]?["usableAsActivity"] is JsonValue flag && flag.TryGetValue<bool>(out var usable) && usable;

    [LoggerMessage(Level = LogLevel.Information, Message = "Published the shipped workflow definition {DefinitionId} from {File}")]
    private partial void LogSeeded(string definitionId, string file);
}
