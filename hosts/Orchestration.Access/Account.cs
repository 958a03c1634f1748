using Microsoft.AspNetCore.Identity;

namespace Orchestration.Access;

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

    /// <summary>A new account with its password hashed by <paramref name="hasher"/> (the plain password is not kept).</summary>
    public static Account Create(string userName, string password, List<string> roles, string? district, DateTimeOffset now,
        IPasswordHasher<Account> hasher)
    {
        var account = new Account
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            PasswordHash = "",
            Roles = roles,
            District = district,
            CreatedAt = now,
            Version = Guid.NewGuid(),
        };
        account.PasswordHash = hasher.HashPassword(account, password);
        return account;
    }
}
