using Microsoft.Extensions.Options;
using ServiceBot.Core;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Scheduling;

namespace ServiceBot.Server.Hosting;

/// <summary>
/// Runs timers and scheduled routines in the self-hosted server. Starts after the store is open (hosted services start
/// in order), puts every scheduled routine's next occurrence on the schedule, runs what is overdue from before a
/// restart, then sleeps until the next job is due or a short poll interval passes, waking early when a job is added.
/// </summary>
internal sealed partial class ScheduleRunner(
    ScheduledJobRunner runner,
    IScheduledJobStore jobs,
    RoutineScheduler routines,
    ICustomerStore customers,
    SchedulerSignal signal,
    IOptions<ServiceBotOptions> options,
    TimeProvider time,
    ILogger<ScheduleRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TimeSpan poll = options.Value.Scheduling.PollInterval;
        try
        {
            int enqueued = await routines.EnsureAllAsync(customers, stoppingToken).ConfigureAwait(false);
            LogRoutinesEnqueued(logger, enqueued);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait = poll;
            try
            {
                await runner.RunDueAsync(stoppingToken).ConfigureAwait(false);
                if (await jobs.NextDueAsync(stoppingToken).ConfigureAwait(false) is { } next)
                {
                    TimeSpan until = next - time.GetUtcNow();
                    wait = until < TimeSpan.Zero ? TimeSpan.Zero : until < poll ? until : poll;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store may be briefly unavailable; the jobs are kept, and the next pass picks them up.
                LogFailed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled routines checked at start: {Count} next runs enqueued")]
    private static partial void LogRoutinesEnqueued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Running scheduled jobs failed; retrying at the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
