using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Access;

/// <summary>Production profile: refuses to start while a documented local account still accepts its documented password.</summary>
internal sealed class DefaultCredentialGuard(IPasswordHasher<Account> hasher) : IDatabaseStartupTask
{
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var names = LocalAccounts.All.Select(l => l.UserName).ToList();
        var candidates = await db.Accounts.AsNoTracking()
            .Where(a => names.Contains(a.UserName) && !a.IsDisabled)
            .ToListAsync(cancellationToken);
        foreach (var account in candidates)
        {
            var local = LocalAccounts.All.Single(l => l.UserName == account.UserName);
            if (hasher.VerifyHashedPassword(account, account.PasswordHash, local.Password) != PasswordVerificationResult.Failed)
            {
                throw new HostConfigurationException("Auth",
                    $"account '{account.UserName}' still has its documented local password; the production profile will not start until it is changed or disabled.");
            }
        }
    }
}
