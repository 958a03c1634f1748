using System.Collections.Concurrent;
using FluentAssertions;
using Orchestration.Workflows.Engine;
using Xunit;

namespace Orchestration.Workflows.Tests.Engine;

public sealed class WorkflowIdsTests
{
    [Fact]
    public async Task Ids_are_sixteen_lowercase_hex_characters_and_never_repeat_across_threads_and_refills()
    {
        // 4 threads × 2,000 ids: each thread's 4 KB buffer of random bytes is refilled three times.
        var ids = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                ids.Add(WorkflowIds.New());
            }
        })));

        ids.Should().HaveCount(8000).And.OnlyHaveUniqueItems();
        ids.Should().OnlyContain(id => id.Length == 16 && id.All(char.IsAsciiHexDigitLower));
        // Random, not a counter: the first characters of the ids spread over every hex digit.
        ids.Select(id => id[0]).Distinct().Should().HaveCount(16);
    }
}
