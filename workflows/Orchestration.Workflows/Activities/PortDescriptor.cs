namespace Orchestration.Workflows.Activities;

/// <summary>A port: "Flow" ports are outcomes on the canvas, "Embedded" ports hold child activities.</summary>
public sealed record PortDescriptor(string Name, string DisplayName, string Type, bool IsBrowsable = true);
