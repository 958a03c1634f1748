using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.FinancialAid.Persistence;
using Orchestration.Testing.Hosting;

namespace Orchestration.Host.Tests;

/// <summary>The embedded profile's one SQLite file is shared by every module's requests and outbox dispatchers.</summary>
public sealed class EmbeddedDatabaseTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task The_shared_sqlite_file_uses_the_write_ahead_log_so_readers_do_not_lock_out_writers()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();

        var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode()").SingleAsync();

        mode.Should().Be("wal");
    }
}
