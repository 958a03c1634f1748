using System.Text.Json;
using System.Text.Json.Nodes;
using Acornima;
using Fluid;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Model;

namespace Orchestration.Workflows.Validation;

/// <summary>
/// Checks a definition before it is published: known activity types, connections between existing activities and
/// ports, required inputs, expressions that parse, a start. Every error names the activity.
/// </summary>
public sealed class WorkflowValidator(ActivityRegistry registry, ExpressionEvaluators evaluators)
{
    private static readonly FluidParser Liquid = new();

    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition)
    {
        var errors = new List<ValidationError>();
        if (definition.Root.Type == "Elsa.Flowchart" && definition.Root.Activities.Count == 0)
        {
            errors.Add(new ValidationError(definition.Root.Id, "The workflow has no activities, so it has no start."));
        }

        foreach (var duplicate in definition.Nodes.GroupBy(n => n.Id).Where(g => g.Count() > 1))
        {
            errors.Add(new ValidationError(duplicate.Key, "Two activities share this id."));
        }

        foreach (var node in definition.Nodes.Where(n => n != definition.WorkflowNode))
        {
            var descriptor = registry.Find(node.Type, node.Version);
            if (descriptor is null)
            {
                errors.Add(new ValidationError(node.Id, $"Unknown activity type '{node.Type}'."));
                continue;
            }

            CheckInputs(node, descriptor, errors);
            CheckConnections(node, errors);
        }

        return errors;
    }

    private void CheckConnections(ActivityNode flowchart, List<ValidationError> errors)
    {
        // Connections a designer could not draw sit in customProperties.notFoundConnections (Elsa's place for them,
        // ELSA-API.md §4.3); they are not run, but a version that still holds one is not published.
        foreach (var lost in flowchart.CustomProperties["notFoundConnections"] as JsonArray ?? [])
        {
            var source = EndpointOf(lost, "source");
            var target = EndpointOf(lost, "target");
            var sourceFound = flowchart.Activities.Any(a => a.Id == source);
            var missing = sourceFound ? target : source;
            errors.Add(new ValidationError(sourceFound ? source : flowchart.Id,
                $"A connection leads {(sourceFound ? "to" : "from")} '{(string.IsNullOrEmpty(missing) ? "nowhere" : missing)}', which is not an activity of this flowchart."));
        }

        foreach (var connection in flowchart.Connections)
        {
            var source = flowchart.Activities.FirstOrDefault(a => a.Id == connection.Source);
            var target = flowchart.Activities.FirstOrDefault(a => a.Id == connection.Target);
            if (source is null || target is null)
            {
                var missing = source is null ? connection.Source : connection.Target;
                errors.Add(new ValidationError(source?.Id ?? target?.Id ?? flowchart.Id,
                    $"A connection leads {(source is null ? "from" : "to")} '{(string.IsNullOrEmpty(missing) ? "nowhere" : missing)}', which is not an activity of this flowchart."));
                continue;
            }

            var ports = PortsOf(source);
            if (ports is not null && !ports.Contains(connection.SourcePort, StringComparer.Ordinal))
            {
                errors.Add(new ValidationError(source.Id,
                    $"The connection to '{target.Id}' leaves from port '{connection.SourcePort}', which this activity does not have (ports: {string.Join(", ", ports)})."));
            }
        }
    }

    private static string? EndpointOf(JsonNode? connection, string end) =>
        (connection as JsonObject)?[end] is JsonObject endpoint ? endpoint["activity"]?.ToString() : (connection as JsonObject)?[end]?.ToString();

    /// <summary>The outcome ports of a node, including those its inputs define; null when they cannot be known statically.</summary>
    private List<string>? PortsOf(ActivityNode node)
    {
        var descriptor = registry.Find(node.Type, node.Version);
        if (descriptor is null)
        {
            return null;
        }

        var ports = descriptor.Ports.Where(p => p.Type == "Flow").Select(p => p.Name).ToList();
        switch (node.Type)
        {
            case "Elsa.FlowSwitch":
                ports.AddRange((node.Property("cases") as JsonArray ?? []).Select(c => c?["label"]?.ToString() ?? "").Where(l => l.Length > 0));
                break;
            case "Elsa.FlowFork":
            case "Elsa.RunJavaScript":
                var names = LiteralStrings(node.Property(node.Type == "Elsa.FlowFork" ? "branches" : "possibleOutcomes"));
                if (names is null)
                {
                    return null;
                }

                ports.AddRange(names);
                break;
        }

        return ports;
    }

    private static List<string>? LiteralStrings(JsonNode? wrapped)
    {
        var expression = (wrapped as JsonObject)?["expression"] as JsonObject;
        var value = expression?["value"];
        var type = expression?["type"]?.ToString();
        if (value is null)
        {
            return [];
        }

        if (type is not ("Literal" or "Object" or "Json"))
        {
            return null;
        }

        try
        {
            var array = value is JsonArray a ? a : JsonNode.Parse(value.ToString()) as JsonArray;
            return array?.Select(v => v?.ToString() ?? "").ToList() ?? [value.ToString()];
        }
        catch (JsonException)
        {
            return [value.ToString()];
        }
    }

    private void CheckInputs(ActivityNode node, ActivityDescriptor descriptor, List<ValidationError> errors)
    {
        foreach (var input in descriptor.Inputs)
        {
            var json = node.Property(input.Name);
            var expression = (json as JsonObject)?["expression"] as JsonObject;
            if (input.IsRequired && (json is null || (expression is not null && string.IsNullOrWhiteSpace(expression["value"]?.ToString()))))
            {
                errors.Add(new ValidationError(node.Id, $"The input '{input.Name}' is required."));
            }

            if (expression is not null)
            {
                CheckExpression(node, input.Name, expression, errors);
            }
        }

        if (node.Type == "Elsa.FlowSwitch" && node.Property("cases") is JsonArray cases)
        {
            foreach (var condition in cases.Select(c => c?["condition"]).OfType<JsonObject>())
            {
                CheckExpression(node, "Cases", condition, errors);
            }
        }
    }

    private void CheckExpression(ActivityNode node, string input, JsonObject expression, List<ValidationError> errors)
    {
        var syntax = expression["type"]?.ToString() ?? "Literal";
        var text = expression["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (!evaluators.Supports(syntax))
        {
            errors.Add(new ValidationError(node.Id, $"The input '{input}' uses the unknown expression type '{syntax}'."));
            return;
        }

        var problem = syntax switch
        {
            "JavaScript" when !string.IsNullOrWhiteSpace(text) => JavaScriptProblem(text),
            "Liquid" when text is not null && !Liquid.TryParse(text, out _, out var error) => error,
            "Object" or "Json" when !string.IsNullOrWhiteSpace(text) => JsonProblem(text),
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add(new ValidationError(node.Id, $"The {syntax} expression of '{input}' does not parse: {problem}"));
        }

        // RunJavaScript keeps its script in a Literal: check it as JavaScript too.
        if (node.Type == "Elsa.RunJavaScript" && string.Equals(input, "Script", StringComparison.OrdinalIgnoreCase)
            && syntax == "Literal" && !string.IsNullOrWhiteSpace(text) && JavaScriptProblem(text) is { } scriptProblem)
        {
            errors.Add(new ValidationError(node.Id, $"The script does not parse: {scriptProblem}"));
        }
    }

    private static string? JavaScriptProblem(string script)
    {
        try
        {
            new Parser(new ParserOptions { AllowReturnOutsideFunction = true }).ParseScript(script);
            return null;
        }
        catch (ParseErrorException ex)
        {
            return ex.Message;
        }
    }

    private static string? JsonProblem(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return null;
        }
        catch (JsonException ex)
        {
            return ex.Message;
        }
    }
}
