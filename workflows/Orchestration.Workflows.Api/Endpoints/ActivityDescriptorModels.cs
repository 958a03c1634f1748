using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestration.Workflows.Activities;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>
/// Activity descriptors in the JSON shape Studio reads (ELSA-API.md §5.1), made from the runtime's registry so that
/// an activity added to the engine (or a workflow published as an activity) appears in the toolbox without more code.
/// </summary>
internal static class ActivityDescriptorModels
{
    public static JsonObject Descriptor(ActivityDescriptor descriptor)
    {
        var isWorkflowActivity = descriptor.WorkflowDefinitionId is not null;
        return new JsonObject
        {
            ["typeName"] = descriptor.TypeName,
            ["namespace"] = descriptor.Namespace,
            ["name"] = descriptor.Name,
            ["version"] = descriptor.Version,
            ["category"] = descriptor.Category,
            ["displayName"] = descriptor.DisplayName,
            ["description"] = descriptor.Description,
            ["kind"] = descriptor.Kind.ToString(),
            ["isContainer"] = descriptor.IsContainer,
            ["isBrowsable"] = descriptor.IsBrowsable,
            ["isStart"] = descriptor.IsStart,
            ["isTerminal"] = descriptor.IsTerminal,
            ["inputs"] = new JsonArray(descriptor.Inputs.OrderBy(i => i.Order).Select(i => (JsonNode?)Input(i)).ToArray()),
            ["outputs"] = new JsonArray(descriptor.Outputs.Select((o, index) => (JsonNode?)Output(o, index)).ToArray()),
            ["ports"] = new JsonArray(descriptor.Ports.Select(p => (JsonNode?)new JsonObject
            {
                ["name"] = p.Name,
                ["displayName"] = p.DisplayName,
                ["type"] = p.Type,
                ["isBrowsable"] = p.IsBrowsable,
            }).ToArray()),
            ["customProperties"] = isWorkflowActivity ? WorkflowActivityProperties(descriptor) : new JsonObject(),
            ["constructionProperties"] = isWorkflowActivity ? WorkflowActivityConstruction(descriptor) : new JsonObject(),
        };
    }

    private static JsonObject Input(InputDescriptor input) => new()
    {
        ["name"] = input.Name,
        ["typeName"] = input.TypeName,
        ["displayName"] = input.DisplayName,
        ["description"] = input.Description,
        ["order"] = input.Order,
        ["isBrowsable"] = true,
        ["isSynthetic"] = input.IsSynthetic,
        ["isWrapped"] = input.IsWrapped,
        ["uiHint"] = input.UIHint,
        ["category"] = input.Category,
        ["defaultValue"] = DefaultValue(input.DefaultValue),
        ["defaultSyntax"] = input.DefaultSyntax,
        ["isReadOnly"] = false,
        ["isSensitive"] = input.IsSensitive,
        ["storageDriverType"] = null,
        ["uiSpecifications"] = UiSpecifications(input),
    };

    private static JsonObject Output(OutputDescriptor output, int order) => new()
    {
        ["name"] = output.Name,
        ["typeName"] = output.TypeName,
        ["displayName"] = output.DisplayName,
        ["description"] = output.Description,
        ["order"] = order,
        ["isBrowsable"] = true,
        ["isSynthetic"] = output.IsSynthetic,
    };

    /// <summary>
    /// What Studio's UI-hint components read: a dropdown's items under <c>dropdown.selectList</c>, a code editor's
    /// language under <c>code-editor</c> (Elsa's UI handler shapes).
    /// </summary>
    private static JsonObject? UiSpecifications(InputDescriptor input) => input.UIHint switch
    {
        "dropdown" or "radiolist" or "checklist" when input.Options is { Count: > 0 } options => new JsonObject
        {
            [input.UIHint] = new JsonObject
            {
                ["selectList"] = new JsonObject
                {
                    ["items"] = new JsonArray(options.Select(o => (JsonNode?)new JsonObject { ["text"] = o, ["value"] = o }).ToArray()),
                    ["isFlagsEnum"] = false,
                },
            },
        },
        "code-editor" => new JsonObject { ["code-editor"] = new JsonObject { ["language"] = "javascript" } },
        _ => null,
    };

    /// <summary>The prototype's property value, as Studio shows it in the property panel.</summary>
    private static JsonNode? DefaultValue(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag,
        Enum member => member.ToString(),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        DateTimeOffset moment => moment == default ? null : moment.ToString("O"),
        int or long or double or decimal => JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        JsonNode node => node.DeepClone(),
        System.Collections.ICollection { Count: 0 } => null,
        _ => TrySerialize(value),
    };

    private static JsonNode? TrySerialize(object value)
    {
        try
        {
            return JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web);
        }
        catch (NotSupportedException)
        {
            // A default Studio cannot show is better left out than a descriptor list that fails.
            return null;
        }
    }

    private static JsonObject WorkflowActivityProperties(ActivityDescriptor descriptor) => new()
    {
        ["RootType"] = "WorkflowDefinitionActivity",
        ["WorkflowDefinitionId"] = descriptor.WorkflowDefinitionId,
        ["WorkflowDefinitionVersionId"] = descriptor.WorkflowDefinitionVersionId,
    };

    private static JsonObject WorkflowActivityConstruction(ActivityDescriptor descriptor) => new()
    {
        ["WorkflowDefinitionId"] = descriptor.WorkflowDefinitionId,
        ["WorkflowDefinitionVersionId"] = descriptor.WorkflowDefinitionVersionId,
        ["Version"] = descriptor.Version,
    };
}
