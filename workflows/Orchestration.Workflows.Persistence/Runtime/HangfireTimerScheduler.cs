using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>Schedules a <see cref="WorkflowTimerJob"/> per timer bookmark; without Hangfire registered it leaves the timer to the sweep.</summary>
public sealed class HangfireTimerScheduler(IServiceProvider services) : ITimerScheduler
{
    public void Schedule(Bookmark bookmark)
    {
        if (bookmark.ResumeAt is not { } due || services.GetService<IBackgroundJobClient>() is not { } jobs)
        {
            return;
        }

        var bookmarkId = bookmark.Id;
        jobs.Schedule<WorkflowTimerJob>(job => job.ResumeWhenDueAsync(bookmarkId, CancellationToken.None), due);
    }
}
