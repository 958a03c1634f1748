using System.Text.Json.Nodes;
using Orchestration.Workflows.Expressions;

namespace Orchestration.Workflows.Activities.Scripting;

/// <summary>
/// Runs a script with Elsa's globals plus setOutcome/setOutcomes; a non-null result becomes Result; completes with
/// the outcomes the script set, else Done. The sandbox limits of <see cref="JavaScriptOptions"/> apply.
/// </summary>
[Activity("Elsa", "RunJavaScript", Category = "Scripting", DisplayName = "Run JavaScript", Description = "Run a JavaScript script.")]
public sealed class RunJavaScript : Activity
{
    [Input(Description = "The script to run.", UIHint = "code-editor")]
    public string? Script { get; set; }

    [Input(DisplayName = "Possible outcomes", Description = "The ports the script may choose with setOutcome.", UIHint = "dynamic-outcomes")]
    public string[] PossibleOutcomes { get; set; } = [];

    [Output(Description = "The script's value.")]
    public object? Result { get; set; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var outcomes = new List<string>();
        if (!string.IsNullOrWhiteSpace(Script))
        {
            var value = await context.EvaluateExpressionAsync(
                new JsonObject { ["type"] = "JavaScript", ["value"] = Script }, typeof(JsonNode), new ExpressionOptions { Outcomes = outcomes });
            if (value is not null)
            {
                Result = value;
            }
        }

        context.Complete(outcomes.Count == 0 ? ["Done"] : outcomes.Distinct().ToArray());
    }
}
