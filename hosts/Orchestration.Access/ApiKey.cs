namespace Orchestration.Access;

/// <summary>
/// A key for a system (a case system, a script). Only a SHA-256 hash of the secret part is stored; the public
/// <see cref="KeyId"/> finds the row without scanning.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; init; }

    public required string Name { get; init; }

    public required string KeyId { get; init; }

    public required string SecretHash { get; init; }

    public List<string> Roles { get; init; } = [];

    public string? District { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}
