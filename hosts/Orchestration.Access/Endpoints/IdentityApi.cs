using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Access.Endpoints;

/// <summary>
/// Login for people (the Studio shell, our pages) on Elsa's route and shape (ELSA-API.md §3.6):
/// <c>POST /elsa/api/identity/login {username, password}</c> → <c>{isAuthenticated, accessToken, refreshToken}</c>.
/// Wrong credentials answer 401 with a ProblemDetails body; repeated failures 429 with Retry-After (<see cref="SignInThrottle"/>).
/// </summary>
public static class IdentityApi
{
    public static RouteGroupBuilder MapIdentityApi(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous bodies stay small: a user name, a password or a token, never megabytes to parse and hash.
        var group = endpoints.MapGroup("/elsa/api/identity").WithTags("Identity").AllowAnonymous()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        group.MapPost("/login", Login).WithSummary("Signs in with user name and password; returns an access token and a refresh token.");
        group.MapPost("/refresh-token", Refresh).WithSummary("Trades a refresh token for a new token pair; the old refresh token stops working.");
        group.MapPost("/logout", Logout).WithSummary("Revokes a refresh token.");
        return group;
    }

    /// <summary>Longer passwords are refused before hashing (a 10 MB password was hashed); generous for passphrases.</summary>
    public const int MaxPasswordLength = 256;

    private const int MaxBodyBytes = 16 * 1024;

    private static readonly Account UnknownUser = new() { UserName = "", PasswordHash = "" };
    private static readonly string UnknownUserHash = new PasswordHasher<Account>().HashPassword(UnknownUser, Guid.NewGuid().ToString());

    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record RefreshTokenRequest(string? RefreshToken);

    public sealed record LoginResponse(bool IsAuthenticated, string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

    public sealed record IdentityServices(
        AccessDbContext Db,
        IPasswordHasher<Account> Hasher,
        TokenIssuer Issuer,
        AuthSettings Settings,
        SignInThrottle Throttle,
        TimeProvider Time,
        ILoggerFactory Logs);

    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext context, [AsParameters] IdentityServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Username))
        {
            errors["username"] = ["A user name is required."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["A password is required."];
        }
        else if (request.Password.Length > MaxPasswordLength)
        {
            errors["password"] = [$"A password has at most {MaxPasswordLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var userName = request.Username!.Trim().ToLowerInvariant();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (services.Throttle.RetryAfter(userName, address) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem($"Too many failed sign-ins; try again in {seconds} seconds.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts");
        }

        var account = await services.Db.Accounts.SingleOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        // Hash even for an unknown user, so that the answer's timing does not tell which user names exist.
        var verdict = services.Hasher.VerifyHashedPassword(account ?? UnknownUser, account?.PasswordHash ?? UnknownUserHash, request.Password!);
        if (account is null || account.IsDisabled)
        {
            verdict = PasswordVerificationResult.Failed;
        }
        if (verdict == PasswordVerificationResult.Failed)
        {
            services.Logs.CreateLogger(nameof(IdentityApi)).LogInformation("Failed login");
            services.Throttle.Failed(userName, address);
            return InvalidCredentials("Unknown user name or wrong password.");
        }

        services.Throttle.Succeeded(userName);

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account!.PasswordHash = services.Hasher.HashPassword(account, request.Password!);
        }

        return TypedResults.Ok(await IssuePairAsync(account!, services, cancellationToken));
    }

    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshTokenRequest request, [AsParameters] IdentityServices services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["refreshToken"] = ["A refresh token is required."] });
        }

        var hash = SecretHasher.Hash(request.RefreshToken);
        var stored = await services.Db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        var now = services.Time.GetUtcNow();
        if (stored is null || stored.ExpiresAt <= now)
        {
            return InvalidCredentials("The refresh token is unknown or has expired; sign in again.");
        }

        await using var transaction = await services.Db.Database.BeginTransactionAsync(cancellationToken);
        // Writing the account row first queues this account's exchanges and revocations one behind the other (a row
        // lock on PostgreSQL, the write lock on SQLite): a pair issued by one exchange is committed before a
        // concurrent replay revokes every token of the account, so none issued around a replay survives it.
        await services.Db.Accounts.Where(a => a.Id == stored.AccountId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, a => a.Version), cancellationToken);
        // Only the one request that finds the token unused may exchange it.
        var claimed = await services.Db.RefreshTokens.Where(t => t.Id == stored.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        if (claimed == 0)
        {
            // A used token presented again means a copy exists: end every session of that account.
            await services.Db.RefreshTokens
                .Where(t => t.AccountId == stored.AccountId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return InvalidCredentials("The refresh token was already used; sign in again.");
        }

        var account = await services.Db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == stored.AccountId, cancellationToken);
        if (account is null || account.IsDisabled)
        {
            await transaction.CommitAsync(cancellationToken);
            return InvalidCredentials("The account is disabled.");
        }

        var pair = await IssuePairAsync(account, services, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(pair);
    }

    private static async Task<NoContent> Logout(
        RefreshTokenRequest request, [AsParameters] IdentityServices services, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            var hash = SecretHasher.Hash(request.RefreshToken);
            var now = services.Time.GetUtcNow();
            await services.Db.RefreshTokens.Where(t => t.TokenHash == hash && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<LoginResponse> IssuePairAsync(Account account, IdentityServices services, CancellationToken cancellationToken)
    {
        var (accessToken, expiresAt) = services.Issuer.Issue(account);
        var refreshToken = SecretHasher.NewSecret();
        var now = services.Time.GetUtcNow();
        services.Db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.NewGuid(),
            AccountId = account.Id,
            TokenHash = SecretHasher.Hash(refreshToken),
            CreatedAt = now,
            ExpiresAt = now + services.Settings.RefreshTokenLifetime,
        });
        await services.Db.SaveChangesAsync(cancellationToken);
        return new LoginResponse(true, accessToken, refreshToken, expiresAt);
    }

    private static ProblemHttpResult InvalidCredentials(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in");
}
