namespace Orchestration.Access;

public sealed record LocalAccount(string UserName, string Password, string Role, string? District);
