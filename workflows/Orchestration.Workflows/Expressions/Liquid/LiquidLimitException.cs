namespace Orchestration.Workflows.Expressions.Liquid;

/// <summary>A template went past one of the <see cref="LiquidOptions"/> limits; the message says which.</summary>
internal sealed class LiquidLimitException(string message) : Exception(message);
