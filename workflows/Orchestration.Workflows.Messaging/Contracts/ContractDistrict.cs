using System.Reflection;

namespace Orchestration.Workflows.Messaging.Contracts;

/// <summary>The district a message names (its <c>District</c> property), e.g. where an application was registered.</summary>
public static class ContractDistrict
{
    public static string? Of(object message) =>
        message.GetType().GetProperty("District", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var type } property && type == typeof(string)
            ? property.GetValue(message) as string
            : null;
}
