using Microsoft.Extensions.DependencyInjection;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Persistence;

namespace Orchestration.Testing.Hosting;

/// <summary>A referral (an application with its person) written straight to the financial-aid tables, for tests of what follows it.</summary>
public static class ReferralSeed
{
    public static async Task<Guid> AddAsync(TestHost host, Guid referralId, string district = "spanga-tensta")
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        // Never a valid personnummer: the digits only have to be unique in this database.
        var person = new Person { Id = Guid.NewGuid(), Personnummer = $"19900101{Random.Shared.Next(1000, 9999)}", CreatedAt = now };
        db.AddRange(person, AidApplication.Register(person.Id, district, "test", now, referralId));
        await db.SaveChangesAsync();
        return referralId;
    }
}
