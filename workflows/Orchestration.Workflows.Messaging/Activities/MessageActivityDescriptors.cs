using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Messaging.Contracts;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Messaging.Activities;

/// <summary>
/// One "Send X" activity per command contract, made from the record itself: a typed input per property, the
/// contract's one-line summary as description. A new command appears in the designer without code.
/// </summary>
public static partial class MessageActivityDescriptors
{
    public const string Namespace = "Orchestration.Messaging";

    public static void AddTo(ActivityRegistry registry)
    {
        var summaries = Summaries(MessageContractCatalog.All.FirstOrDefault()?.Type.Assembly);
        foreach (var contract in MessageContractCatalog.All.Where(c => c.Kind == MessageKind.Command))
        {
            registry.Add(ForCommand(contract, summaries.GetValueOrDefault(contract.Type.FullName!)));
        }
    }

    public static ActivityDescriptor ForCommand(MessageContract contract, string? summary)
    {
        var name = $"Send{contract.Name}";
        // Worked out once per command, not per execution.
        var required = RequiredProperties(contract.Type).ToList();
        var inputs = contract.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select((property, index) => Input(property, index, required.Contains(property))).ToList();
        return new ActivityDescriptor($"{Namespace}.{name}", Namespace, name, 1, "Messaging", $"Send {Words(contract.Name)}",
            (summary ?? $"Sends the {contract.Area} command {contract.Name}.") + " Sent once the step is saved.",
            ActivityKind.Action, IsContainer: false, IsBrowsable: true, IsStart: false, IsTerminal: false,
            inputs, [], [new PortDescriptor("Done", "Done", "Flow")], () => new SendCommand(contract, required));
    }

    /// <summary>Properties a command cannot go without: non-nullable ids and texts.</summary>
    private static IEnumerable<PropertyInfo> RequiredProperties(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p =>
            p.PropertyType == typeof(Guid) || p.PropertyType == typeof(string) && nullability.Create(p).ReadState == NullabilityState.NotNull);
    }

    private static InputDescriptor Input(PropertyInfo property, int order, bool required)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var (uiHint, options, typeName) = type switch
        {
            _ when type.IsEnum => ("dropdown", (IReadOnlyList<string>?)Enum.GetNames(type), "String"),
            _ when type == typeof(bool) => ("checkbox", null, "Boolean"),
            _ => ("singleline", null, TypeAliases.NameOf(type)),
        };
        var description = property.Name switch
        {
            "ReferralId" => "The referral's id; empty means the instance's correlation id.",
            _ when type == typeof(DateTimeOffset) => "Empty means now.",
            _ => null,
        };
        return new InputDescriptor(property.Name, typeName, type, Words(property.Name), description, order, IsWrapped: true, uiHint,
            DefaultValue: null, DefaultSyntax: "Literal", IsSensitive: false, EvaluatedByActivity: true, options, Category: null, IsSynthetic: true,
            IsRequired: required && property.Name != "ReferralId");
    }

    /// <summary>"IssueJobbtorgReferral" → "Issue Jobbtorg Referral".</summary>
    public static string Words(string pascal) => WordBoundary().Replace(pascal, " $1");

    /// <summary>Type summaries from the contracts' XML documentation file, when it was copied beside the assembly.</summary>
    private static Dictionary<string, string> Summaries(Assembly? contracts)
    {
        var path = contracts is null ? null : Path.ChangeExtension(contracts.Location, ".xml");
        if (path is null || !File.Exists(path))
        {
            return [];
        }

        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name")?.Value.StartsWith("T:", StringComparison.Ordinal) == true)
            .ToDictionary(m => m.Attribute("name")!.Value[2..], m => Regex.Replace(m.Element("summary")?.Value ?? "", @"\s+", " ").Trim());
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordBoundary();
}
