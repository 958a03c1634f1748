using System.Reflection;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Activities;

/// <summary>
/// Turns an activity class into its descriptor: [Activity] names it, [Input]/[Output] properties are its inputs and
/// outputs, [FlowNode] its ports. Adding an activity therefore needs no registration code beyond the class.
/// </summary>
public static class ActivityDescriptorFactory
{
    public static ActivityDescriptor Create(Type type)
    {
        var activity = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type.Name} has no [Activity] attribute.", nameof(type));
        if (!typeof(Activity).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException($"{type.Name} must be a concrete Activity with a parameterless constructor.", nameof(type));
        }

        var prototype = (Activity)Activator.CreateInstance(type)!;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var inputs = properties
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<InputAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select((p, index) => Input(p.Property, p.Attribute!, prototype, index))
            .ToList();
        var outputs = properties
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<OutputAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => new OutputDescriptor(p.Property.Name, TypeAliases.NameOf(p.Property.PropertyType), p.Property.PropertyType,
                p.Attribute!.DisplayName ?? Humanize(p.Property.Name), p.Attribute.Description, Property: p.Property))
            .ToList();

        var ports = new List<PortDescriptor>();
        if (!activity.IsTerminal && !activity.IsContainer)
        {
            var flow = type.GetCustomAttribute<FlowNodeAttribute>()?.Ports ?? ["Done"];
            ports.AddRange(flow.Select(p => new PortDescriptor(p, p, "Flow")));
        }

        ports.AddRange(type.GetCustomAttributes<EmbeddedPortAttribute>()
            .Select(e => new PortDescriptor(Pascal(e.Name), e.DisplayName ?? Pascal(e.Name), "Embedded")));

        return new ActivityDescriptor(activity.TypeName, activity.Namespace, activity.Name, activity.Version, activity.Category,
            activity.DisplayName ?? Humanize(activity.Name), activity.Description, activity.Kind, activity.IsContainer,
            activity.IsBrowsable, activity.IsStart, activity.IsTerminal, inputs, outputs, ports,
            () => (Activity)Activator.CreateInstance(type)!);
    }

    private static InputDescriptor Input(PropertyInfo property, InputAttribute attribute, Activity prototype, int index)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var options = attribute.Options ?? (underlying.IsEnum ? Enum.GetNames(underlying) : null);
        var uiHint = attribute.UIHint ?? (underlying == typeof(bool) ? "checkbox" : options is not null ? "dropdown" : "singleline");
        return new InputDescriptor(property.Name, TypeAliases.NameOf(type), type,
            attribute.DisplayName ?? Humanize(property.Name), attribute.Description, attribute.Order == 0 ? index : attribute.Order,
            attribute.IsWrapped, uiHint, property.GetValue(prototype), attribute.DefaultSyntax ?? "Literal",
            attribute.IsSensitive, attribute.EvaluatedByActivity, options, attribute.Category, IsRequired: attribute.IsRequired, Property: property);
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>"CorrelationId" → "Correlation Id".</summary>
    internal static string Humanize(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]) ? " " + c : c.ToString()));
}
