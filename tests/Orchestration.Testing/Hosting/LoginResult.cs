namespace Orchestration.Testing.Hosting;

public sealed record LoginResult(bool IsAuthenticated, string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);
