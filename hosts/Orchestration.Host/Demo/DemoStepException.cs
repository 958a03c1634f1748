namespace Orchestration.Host.Demo;

/// <summary>A step of the demo that a service refused or that had no effect in time.</summary>
internal sealed class DemoStepException(string message) : Exception(message);
