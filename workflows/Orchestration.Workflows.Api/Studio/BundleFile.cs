namespace Orchestration.Workflows.Api.Studio;

/// <summary>A file of the Studio bundle to send: its path on disk, its type and, for a precompressed copy, the encoding.</summary>
internal sealed record BundleFile(string PhysicalPath, string ContentType, string? ContentEncoding);
