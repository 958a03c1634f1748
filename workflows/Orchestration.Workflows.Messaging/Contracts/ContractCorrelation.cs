using System.Reflection;

namespace Orchestration.Workflows.Messaging.Contracts;

/// <summary>
/// Which id of a message correlates it with workflow instances: <c>ReferralId</c> when the message has one, else
/// its first Guid property.
/// </summary>
public static class ContractCorrelation
{
    public static string? Of(object message)
    {
        var properties = message.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var property = properties.FirstOrDefault(p => p.Name == "ReferralId")
            ?? properties.FirstOrDefault(p => p.PropertyType == typeof(Guid));
        return property?.GetValue(message)?.ToString();
    }
}
