using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Access.Endpoints;

/// <summary>Who am I, and the administration of accounts and API keys (Admin only).</summary>
public static class AccessApi
{
    private const int MinimumPasswordLength = 12;

    public static RouteGroupBuilder MapAccessApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/access").WithTags("Access");
        group.MapGet("/me", Me).RequireAuthorization(Policies.Authenticated)
            .WithSummary("The caller's name, roles and district.");
        group.MapPost("/accounts", CreateAccount).RequireAuthorization(Policies.Administer)
            .WithSummary("Creates an account that signs in with a password.");
        group.MapGet("/api-keys", ListApiKeys).RequireAuthorization(Policies.Administer)
            .WithSummary("Lists API keys (never their secrets).");
        group.MapPost("/api-keys", CreateApiKey).RequireAuthorization(Policies.Administer)
            .WithSummary("Creates an API key; the key is shown once, in this answer only.");
        group.MapDelete("/api-keys/{id:guid}", RevokeApiKey).RequireAuthorization(Policies.Administer)
            .WithSummary("Revokes an API key at once.");
        return group;
    }

    public sealed record MeResponse(string Name, IReadOnlyList<string> Roles, string? District, string? AuthenticationMethod);

    public sealed record CreateAccountRequest(string? UserName, string? Password, string[]? Roles, string? District);

    public sealed record AccountResponse(Guid Id, string UserName, IReadOnlyList<string> Roles, string? District);

    public sealed record CreateApiKeyRequest(string? Name, string[]? Roles, string? District);

    public sealed record CreatedApiKeyResponse(Guid Id, string Name, string Key, IReadOnlyList<string> Roles, string? District);

    public sealed record ApiKeyResponse(Guid Id, string Name, string KeyId, IReadOnlyList<string> Roles, string? District,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

    private static Ok<MeResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.Identity?.Name ?? "",
        user.FindAll(OrchestrationClaims.Role).Select(c => c.Value).ToList(),
        user.FindFirstValue(OrchestrationClaims.District),
        user.FindFirstValue(OrchestrationClaims.AuthenticationMethod)));

    private static async Task<Results<Created<AccountResponse>, ValidationProblem, Conflict<ProblemDetails>>> CreateAccount(
        CreateAccountRequest request, AccessDbContext db, IPasswordHasher<Account> hasher, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var userName = request.UserName?.Trim().ToLowerInvariant() ?? "";
        if (userName.Length is 0 or > 100 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            errors["userName"] = ["Use 1–100 letters, digits, '.', '-' or '_'."];
        }

        if (request.Password is null || request.Password.Length < MinimumPasswordLength || request.Password.Length > IdentityApi.MaxPasswordLength)
        {
            errors["password"] = [$"The password must be {MinimumPasswordLength} to {IdentityApi.MaxPasswordLength} characters long."];
        }

        var roles = ValidateRoles(request.Roles, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.Accounts.AnyAsync(a => a.UserName == userName, cancellationToken))
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Title = "User name taken",
                Detail = $"An account named '{userName}' already exists.",
                Status = StatusCodes.Status409Conflict,
            });
        }

        var account = Account.Create(userName, request.Password!, roles, NormalizeDistrict(request.District), time.GetUtcNow(), hasher);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/access/accounts/{account.Id}",
            new AccountResponse(account.Id, account.UserName, account.Roles, account.District));
    }

    private static async Task<Ok<List<ApiKeyResponse>>> ListApiKeys(AccessDbContext db, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(keys
            .OrderBy(k => k.CreatedAt)
            .Select(k => new ApiKeyResponse(k.Id, k.Name, k.KeyId, k.Roles, k.District, k.CreatedAt, k.CreatedBy, k.RevokedAt))
            .ToList());
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateApiKey(
        CreateApiKeyRequest request, ClaimsPrincipal user, AccessDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors["name"] = ["A name of 1–200 characters is required (what uses the key)."];
        }

        var roles = ValidateRoles(request.Roles, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await CreateApiKeyAsync(db, request.Name!.Trim(), roles, NormalizeDistrict(request.District),
            user.Identity?.Name ?? "unknown", time, cancellationToken);
        return TypedResults.Created($"/api/access/api-keys/{created.Id}", created);
    }

    /// <summary>Shared by the endpoint and the host's <c>create-api-key</c> command (bootstrapping production).</summary>
    public static async Task<CreatedApiKeyResponse> CreateApiKeyAsync(AccessDbContext db, string name, List<string> roles,
        string? district, string createdBy, TimeProvider time, CancellationToken cancellationToken)
    {
        var (keyId, secret, key) = ApiKeyFormat.Create();
        var apiKey = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name,
            KeyId = keyId,
            SecretHash = SecretHasher.Hash(secret),
            Roles = roles,
            District = district,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = createdBy,
        };
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyResponse(apiKey.Id, apiKey.Name, key, apiKey.Roles, apiKey.District);
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> RevokeApiKey(
        Guid id, AccessDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Title = "No such API key",
                Detail = $"There is no API key with id {id}.",
                Status = StatusCodes.Status404NotFound,
            });
        }

        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static List<string> ValidateRoles(string[]? requested, Dictionary<string, string[]> errors)
    {
        var roles = (requested ?? []).Select(r => Roles.Normalize(r ?? "")).ToList();
        if (roles.Count == 0 || roles.Any(r => r is null))
        {
            errors["roles"] = [$"Give one or more of: {string.Join(", ", Roles.All)}."];
            return [];
        }

        return roles.Distinct().ToList()!;
    }

    private static string? NormalizeDistrict(string? district) =>
        string.IsNullOrWhiteSpace(district) ? null : district.Trim().ToLowerInvariant();
}
