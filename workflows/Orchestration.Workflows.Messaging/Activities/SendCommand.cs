using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Messaging.Contracts;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Messaging.Activities;

/// <summary>
/// "Send X": evaluates one input per property of the command X, fills what the process owner may leave empty
/// (ReferralId from the instance's correlation id, times from the clock) and sends it after the burst is saved. A
/// command that cannot be built (a missing id, an unknown code) faults the activity with the property named.
/// </summary>
public sealed class SendCommand(MessageContract contract, IReadOnlyList<PropertyInfo> required) : CodeActivity
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var body = new JsonObject();
        foreach (var property in contract.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = await EvaluateAsync(context, property);
            body[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = IsEmpty(value) ? Default(context, property) : value;
        }

        object message;
        try
        {
            message = body.Deserialize(contract.Type, ContractJson.Options)!;
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Send {contract.Name}: {ex.Path?.TrimStart('$', '.')} has a value the message cannot take ({ex.Message}).", ex);
        }

        var missing = required.Where(p => IsUnset(p.GetValue(message))).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Send {contract.Name}: {string.Join(", ", missing)} must be set.");
        }

        context.SendMessage(message);
    }

    private static async ValueTask<JsonNode?> EvaluateAsync(ActivityContext context, PropertyInfo property)
    {
        if (context.Node.Property(property.Name) is not JsonObject wrapped || wrapped["expression"] is not JsonObject expression)
        {
            return null;
        }

        // Codes and ids travel as text; the message's own JSON reading then checks them.
        var target = property.PropertyType.IsEnum || property.PropertyType == typeof(Guid) ? typeof(string) : property.PropertyType;
        return ValueConverter.ToNode(await context.EvaluateExpressionAsync(expression, target));
    }

    private static JsonNode? Default(ActivityContext context, PropertyInfo property) => property switch
    {
        { Name: "ReferralId" } => context.Workflow.CorrelationId is { } correlation ? JsonValue.Create(correlation) : null,
        _ when property.PropertyType == typeof(DateTimeOffset) => JsonValue.Create(context.Time.GetUtcNow()),
        _ => null,
    };

    private static bool IsEmpty(JsonNode? value) => value is null || value is JsonValue v && v.TryGetValue<string>(out var text) && string.IsNullOrWhiteSpace(text);

    private static bool IsUnset(object? value) => value is null || value is Guid g && g == Guid.Empty || value is string s && s.Length == 0;
}
