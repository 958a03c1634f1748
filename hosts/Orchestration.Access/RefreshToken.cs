namespace Orchestration.Access;

/// <summary>A refresh token (hashed); used once, then replaced, so a stolen copy stops working at the next refresh.</summary>
public sealed class RefreshToken
{
    public Guid Id { get; init; }

    public Guid AccountId { get; init; }

    public required string TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}
