using Microsoft.Extensions.Options;

namespace ServiceBot.Core.Scheduling;

/// <summary>What the tools need to put jobs on the schedule: the store, the runner's wake-up, the settings and the clock.</summary>
public sealed class JobScheduler(IScheduledJobStore jobs, SchedulerSignal signal, IOptions<ServiceBotOptions> options, TimeProvider time)
{
    public IScheduledJobStore Jobs => jobs;

    public SchedulingOptions Options => options.Value.Scheduling;

    public TimeProvider Time => time;

    /// <summary>Adds the job and wakes the in-process runner; false when a job with its id exists already.</summary>
    public async Task<bool> AddAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        bool added = await jobs.TryAddAsync(job, cancellationToken).ConfigureAwait(false);
        if (added)
        {
            signal.Notify();
        }

        return added;
    }
}
