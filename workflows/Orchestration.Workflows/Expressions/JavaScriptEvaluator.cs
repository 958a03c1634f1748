using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Runtime;
using JsEngine = Jint.Engine;

namespace Orchestration.Workflows.Expressions;

/// <summary>
/// JavaScript through Jint, with Elsa's globals (ELSA-SEMANTICS.md §6.1): getVariable/setVariable, generated
/// get&lt;Name&gt;()/set&lt;Name&gt;(v) accessors, getInput, the <c>variables</c> object, instance facts and helpers.
/// A fresh engine per evaluation, no CLR access, and time, memory, statement and recursion limits.
/// </summary>
public sealed partial class JavaScriptEvaluator(JavaScriptOptions limits) : IExpressionEvaluator
{
    private const int CacheLimit = 2_000;
    private static readonly ConcurrentDictionary<string, Prepared<Script>> Prepared = new(StringComparer.Ordinal);

    public JavaScriptEvaluator()
        : this(new JavaScriptOptions())
    {
    }

    public string Syntax => "JavaScript";

    public ValueTask<JsonNode?> EvaluateAsync(JsonNode? expression, Type targetType, IExpressionScope scope, ExpressionOptions options, CancellationToken cancellationToken)
    {
        var script = expression?.ToString() ?? "";
        if (string.IsNullOrWhiteSpace(script))
        {
            return ValueTask.FromResult<JsonNode?>(null);
        }

        var engine = new JsEngine(o => o
            .Strict(false)
            .TimeoutInterval(limits.Timeout)
            .LimitMemory(limits.MemoryLimitBytes)
            .MaxStatements(limits.MaxStatements)
            .LimitRecursion(limits.MaxRecursionDepth)
            .RegexTimeoutInterval(limits.Timeout)
            .MaxArraySize(limits.MaxArraySize)
            .CancellationToken(cancellationToken));
        var referenced = VariablesObjectMember().Matches(script).Select(m => m.Groups[1].Value).Distinct().ToList();
        Configure(engine, scope, options, referenced);

        try
        {
            engine.Execute(Guards(limits.MaxStringLength));
            var result = engine.Evaluate(Prepare(script)).UnwrapIfPromise(limits.Timeout);

            WriteBackVariablesObject(engine, scope, referenced);
            return ValueTask.FromResult(Bounded(ToNode(engine, result)));
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            // The burst was cancelled (request aborted, host stopping): not the script's fault, and no incident.
            throw new OperationCanceledException("The JavaScript evaluation was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex)
        {
            // Whatever the script did (threw, overran a limit, failed to parse), it is the script's fault, not the host's.
            throw new ExpressionException($"JavaScript failed: {Describe(ex)}", ex);
        }
    }

    /// <summary>A result longer than the limit is refused rather than stored in the instance.</summary>
    private JsonNode? Bounded(JsonNode? result)
    {
        var length = result is JsonValue value && value.TryGetValue<string>(out var text) ? text.Length : result?.ToJsonString().Length ?? 0;
        return length <= limits.MaxStringLength
            ? result
            : throw new StringLimitException($"the result is longer than {limits.MaxStringLength} characters.");
    }

    /// <summary>
    /// Wraps the built-ins that make a long string in one call, which the memory limit (checked between
    /// statements) only notices after the allocation: <c>"x".repeat(1e8)</c> is refused before it runs.
    /// </summary>
    private static Prepared<Script> Guards(int maxStringLength) => GuardScripts.GetOrAdd(maxStringLength, max => JsEngine.PrepareScript($$"""
        (function (max) {
          function guard(owner, name, size) {
            var original = owner[name];
            Object.defineProperty(owner, name, {
              value: function () {
                if (size(this, arguments) > max) { throw new RangeError('Invalid string length: more than ' + max + ' characters'); }
                return original.apply(this, arguments);
              },
              writable: true, configurable: true, enumerable: false
            });
          }
          guard(String.prototype, 'repeat', function (s, a) { return String(s).length * Number(a[0]); });
          guard(String.prototype, 'padStart', function (s, a) { return Number(a[0]); });
          guard(String.prototype, 'padEnd', function (s, a) { return Number(a[0]); });
          guard(Array.prototype, 'join', function (s, a) { return (s.length - 1) * (a[0] === undefined ? 1 : String(a[0]).length); });
        })({{max}});
        """));

    private static readonly ConcurrentDictionary<int, Prepared<Script>> GuardScripts = new();

    private static Prepared<Script> Prepare(string script)
    {
        if (Prepared.TryGetValue(script, out var prepared))
        {
            return prepared;
        }

        if (Prepared.Count >= CacheLimit)
        {
            Prepared.Clear();
        }

        prepared = JsEngine.PrepareScript(script, options: new ScriptPreparationOptions
        {
            ParsingOptions = ScriptParsingOptions.Default with { AllowReturnOutsideFunction = true },
        });
        Prepared[script] = prepared;
        return prepared;
    }

    private void Configure(JsEngine engine, IExpressionScope scope, ExpressionOptions options, IReadOnlyList<string> referenced)
    {
        var workflow = scope.Workflow;
        engine.SetValue("workflowInstanceId", workflow.Id);
        engine.SetValue("correlationId", workflow.CorrelationId);
        engine.SetValue("getWorkflowInstanceId", new Func<string>(() => workflow.Id));
        engine.SetValue("getWorkflowDefinitionId", new Func<string>(() => workflow.DefinitionId));
        engine.SetValue("getWorkflowDefinitionVersionId", new Func<string>(() => workflow.DefinitionVersionId));
        engine.SetValue("getWorkflowDefinitionVersion", new Func<int>(() => workflow.DefinitionVersion));
        engine.SetValue("getCorrelationId", new Func<string?>(() => workflow.CorrelationId));
        engine.SetValue("setCorrelationId", new Action<string?>(v => workflow.CorrelationId = v));
        engine.SetValue("getWorkflowInstanceName", new Func<string?>(() => workflow.Name));
        engine.SetValue("setWorkflowInstanceName", new Action<string?>(v => workflow.Name = v));
        engine.SetValue("getVariable", new Func<string, JsValue>(name => scope.TryGetVariable(name, out var v) ? ToJs(engine, v) : JsValue.Undefined));
        engine.SetValue("setVariable", new Action<string, JsValue>((name, value) => scope.SetVariable(name, ToNode(engine, value))));
        engine.SetValue("getInput", new Func<string, JsValue>(name => ToJs(engine, scope.GetInput(name))));
        engine.SetValue("getOutputFrom", new Func<string, string?, JsValue>((activity, output) => ToJs(engine, scope.GetOutputFrom(activity, output))));
        engine.SetValue("getLastResult", new Func<JsValue>(() => ToJs(engine, scope.LastResult)));
        engine.SetValue("isNullOrWhiteSpace", new Func<string?, bool>(string.IsNullOrWhiteSpace));
        engine.SetValue("isNullOrEmpty", new Func<string?, bool>(string.IsNullOrEmpty));
        engine.SetValue("toJson", new Func<JsValue, string>(v => ToNode(engine, v)?.ToJsonString() ?? "null"));
        engine.SetValue("newGuid", new Func<string>(() => Guid.NewGuid().ToString()));
        engine.SetValue("newGuidString", new Func<string>(() => Guid.NewGuid().ToString()));
        engine.SetValue("getGuidString", new Func<string>(() => Guid.NewGuid().ToString()));
        engine.SetValue("newShortGuid", new Func<string>(() => Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_')));
        engine.SetValue("parseGuid", new Func<string, string>(s => Guid.Parse(s).ToString()));
        engine.SetValue("stringToBase64", new Func<string, string>(s => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(s))));
        engine.SetValue("stringFromBase64", new Func<string, string>(s => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(s))));

        foreach (var (name, _) in scope.VisibleVariables())
        {
            if (!Identifier().IsMatch(name))
            {
                continue;
            }

            var pascal = Pascal(name);
            engine.SetValue($"get{pascal}", new Func<JsValue>(() => scope.TryGetVariable(name, out var v) ? ToJs(engine, v) : JsValue.Undefined));
            engine.SetValue($"set{pascal}", new Action<JsValue>(value => scope.SetVariable(name, ToNode(engine, value))));
        }

        foreach (var input in scope.EnclosingDefinition.Inputs.Where(i => Identifier().IsMatch(i.Name)))
        {
            var name = input.Name;
            if (engine.GetValue($"get{Pascal(name)}").IsUndefined())
            {
                engine.SetValue($"get{Pascal(name)}", new Func<JsValue>(() => ToJs(engine, scope.GetInput(name))));
            }
        }

        foreach (var (activityId, outputs) in scope.Workflow.ActivityOutputs)
        {
            var activityName = (scope.EnclosingDefinition.FindById(activityId) ?? scope.Definition.FindById(activityId))?.Name;
            if (activityName is null || !Identifier().IsMatch(activityName) || outputs is not JsonObject values)
            {
                continue;
            }

            foreach (var (output, value) in values)
            {
                engine.SetValue($"get{Pascal(output)}From{Pascal(activityName)}", new Func<JsValue>(() => ToJs(engine, value)));
            }
        }

        var variables = new JsObject(engine);
        foreach (var name in referenced)
        {
            variables.Set(name, scope.TryGetVariable(name, out var value) ? ToJs(engine, value) : JsValue.Undefined);
        }

        engine.SetValue("variables", variables);

        if (options.Outcomes is { } outcomes)
        {
            engine.SetValue("setOutcome", new Action<string>(outcome => outcomes.Add(outcome)));
            engine.SetValue("setOutcomes", new Action<string[]>(values => outcomes.AddRange(values)));
        }
    }

    /// <summary>Assignments to <c>variables.X</c> persist (only for names written literally in the script, as in Elsa).</summary>
    private static void WriteBackVariablesObject(JsEngine engine, IExpressionScope scope, IReadOnlyList<string> referenced)
    {
        var variables = engine.GetValue("variables").AsObject();
        var inputs = scope.EnclosingDefinition.Inputs.Select(i => i.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in referenced.Where(n => !inputs.Contains(n)))
        {
            var value = variables.Get(name);
            if (!value.IsUndefined())
            {
                scope.SetVariable(name, ToNode(engine, value));
            }
        }
    }

    internal static JsValue ToJs(JsEngine engine, JsonNode? node) => node switch
    {
        null => JsValue.Null,
        JsonValue v when v.TryGetValue<string>(out var s) => new JsString(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? JsBoolean.True : JsBoolean.False,
        JsonValue v when v.TryGetValue<double>(out var d) => new JsNumber(d),
        _ => new Jint.Native.Json.JsonParser(engine).Parse(node.ToJsonString()),
    };

    internal static JsonNode? ToNode(JsEngine engine, JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsString())
        {
            return JsonValue.Create(value.AsString());
        }

        if (value.IsBoolean())
        {
            return JsonValue.Create(value.AsBoolean());
        }

        if (value.IsNumber())
        {
            var number = value.AsNumber();
            return number % 1 == 0 && Math.Abs(number) < 9e15 ? JsonValue.Create((long)number) : JsonValue.Create(number);
        }

        if (value.IsDate())
        {
            return JsonValue.Create(value.AsDate().ToDateTime().ToString("O", CultureInfo.InvariantCulture));
        }

        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }

    private static string Describe(Exception ex) => ex switch
    {
        RegexMatchTimeoutException => "a regular expression ran longer than allowed.",
        TimeoutException => "the script ran longer than allowed.",
        ExecutionCanceledException => "the script was cancelled.",
        MemoryLimitExceededException => "the script used more memory than allowed.",
        RecursionDepthOverflowException => "the script recursed deeper than allowed.",
        StringLimitException => ex.Message,
        StatementsCountOverflowException => "the script ran more statements than allowed.",
        _ => ex.Message,
    };

    private sealed class StringLimitException(string message) : Exception(message);

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\bvariables\.([A-Za-z_$][A-Za-z0-9_$]*)")]
    private static partial Regex VariablesObjectMember();
}
