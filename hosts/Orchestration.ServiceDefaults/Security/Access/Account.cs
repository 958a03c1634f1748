namespace Orchestration.ServiceDefaults.Security.Access;

/// <summary>A person who signs in (Studio shell, our pages); the password is stored as an ASP.NET Core Identity hash.</summary>
public sealed class Account
{
    public Guid Id { get; init; }

    public required string UserName { get; init; }

    public required string PasswordHash { get; set; }

    public List<string> Roles { get; set; } = [];

    /// <summary>The district a caseworker acts for; null for city-wide roles (process owner, admin).</summary>
    public string? District { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid Version { get; set; }
}
