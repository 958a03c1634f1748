namespace Orchestration.Workflows.Messaging.Contracts;

/// <summary>A message type of Orchestration.Contracts, as the designer will offer it ("Publish X" / "X received").</summary>
public sealed record MessageContract(Type Type, MessageKind Kind, string Area)
{
    public string Name => Type.Name;
}
