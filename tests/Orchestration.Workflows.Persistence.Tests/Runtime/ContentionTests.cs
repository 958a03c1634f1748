using Microsoft.EntityFrameworkCore;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>The retry that stands between a message consumer and contention on an instance.</summary>
public sealed class ContentionTests
{
    [Fact]
    public async Task A_conflict_is_tried_again_until_it_gets_through()
    {
        var calls = 0;
        await Contention.RetryAsync(_ => ++calls < 3 ? throw new DbUpdateConcurrencyException("changed meanwhile") : Task.CompletedTask,
            attempts: 8, TimeSpan.Zero, TimeProvider.System, CancellationToken.None);

        calls.Should().Be(3);
    }

    [Fact]
    public async Task A_lock_that_is_never_granted_goes_to_the_caller_after_the_last_try()
    {
        var calls = 0;
        var act = () => Contention.RetryAsync(_ => { calls++; throw new TimeoutException("lock not granted"); }, attempts: 4, TimeSpan.Zero,
            TimeProvider.System, CancellationToken.None);

        await act.Should().ThrowAsync<TimeoutException>();
        calls.Should().Be(4);
    }

    [Fact]
    public async Task Any_other_failure_is_not_retried()
    {
        var calls = 0;
        var act = () => Contention.RetryAsync(_ => { calls++; throw new InvalidOperationException("a bug"); }, attempts: 4, TimeSpan.Zero,
            TimeProvider.System, CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>();
        calls.Should().Be(1);
    }

    [Fact]
    public void A_wrapped_conflict_is_still_contention()
    {
        Contention.Classify(new DbUpdateException("save failed", new TimeoutException())).Should().Be(ContentionKind.Busy);
        Contention.Classify(new DbUpdateException("save failed", new InvalidOperationException())).Should().BeNull();
    }
}
