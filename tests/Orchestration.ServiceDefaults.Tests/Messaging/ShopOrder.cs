namespace Orchestration.ServiceDefaults.Tests.Messaging;

public sealed class ShopOrder
{
    public Guid Id { get; init; }

    /// <summary>How many times the consumer applied its effect; the inbox keeps it at one.</summary>
    public int Confirmations { get; set; }
}
