using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Access;

/// <summary>Embedded profile: makes sure each documented local account exists (it never resets a changed password).</summary>
internal sealed class LocalAccountSeeder(IPasswordHasher<Account> hasher, TimeProvider time, ILogger<LocalAccountSeeder> logger)
    : IDatabaseStartupTask
{
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var existing = await db.Accounts.Select(a => a.UserName).ToListAsync(cancellationToken);
        foreach (var local in LocalAccounts.All.Where(l => !existing.Contains(l.UserName)))
        {
            db.Accounts.Add(Account.Create(local.UserName, local.Password, [local.Role], local.District, time.GetUtcNow(), hasher));
            logger.LogInformation("Seeded local account {UserName} ({Role})", local.UserName, local.Role);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
