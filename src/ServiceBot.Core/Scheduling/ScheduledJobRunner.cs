using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Scheduling;

/// <summary>
/// Runs the jobs that are due: claims them (so no other runner takes them), passes each through the gate against the
/// customer's current row and tier, runs it through the same device operations as chat, stores a bot message in the
/// conversation it was set in, pushes the <c>device</c> and <c>message</c> frames to the customer's open connections,
/// and completes it. A job found later than the allowed lateness (an outage) is recorded as missed, with a message.
/// The hosts only decide when to call it: a background service (self-hosted), a function every minute (AWS).
/// </summary>
public sealed partial class ScheduledJobRunner(
    IScheduledJobStore jobs,
    ICustomerStore customers,
    ServiceLevelDirectory serviceLevels,
    CustomerUpdater updater,
    ConversationLog log,
    CustomerPush push,
    JobScheduler scheduler,
    IOptions<ServiceBotOptions> options,
    TimeProvider time,
    ILogger<ScheduledJobRunner> logger)
{
    /// <summary>Runs every job due now; returns how many ran (including refused and missed ones).</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        int handled = 0;
        while (true)
        {
            IReadOnlyList<ClaimedJob> claimed = await jobs.ClaimDueAsync(time.GetUtcNow(), SchedulingOptions.Lease, SchedulingOptions.BatchSize, cancellationToken).ConfigureAwait(false);
            foreach (ClaimedJob claim in claimed)
            {
                await RunAsync(claim, cancellationToken).ConfigureAwait(false);
                handled++;
            }

            if (claimed.Count < SchedulingOptions.BatchSize)
            {
                return handled;
            }
        }
    }

    private async Task RunAsync(ClaimedJob claim, CancellationToken cancellationToken)
    {
        ScheduledJob job = claim.Job;
        JobOutcome outcome;
        try
        {
            outcome = await ExecuteAsync(job, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A job that throws would throw again at every lease: it is told once and ended, never retried forever.
            LogJobFailed(logger, ex, job.Id, job.CustomerId);
            await TellAsync(job, TimerReplies.Failed(job.Description, job.Language), [], null, allowed: true, CancellationToken.None).ConfigureAwait(false);
            outcome = JobOutcome.Dropped;
        }

        if (!await jobs.CompleteAsync(claim, outcome, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false))
        {
            LogLeaseLost(logger, job.Id);
        }

        LogJobRan(logger, job.Id, job.Kind, outcome);
    }

    private async Task<JobOutcome> ExecuteAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        Customer? customer = await customers.GetAsync(job.CustomerId, cancellationToken).ConfigureAwait(false);
        ServiceLevelCatalog catalog = await serviceLevels.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        ServiceLevel? tier = customer is null ? null : catalog.Find(customer.ServiceLevel);
        if (customer is null || tier is null)
        {
            return JobOutcome.Dropped;
        }

        DateTimeOffset now = time.GetUtcNow();
        TimeZoneInfo zone = CustomerClock.ZoneOf(customer);
        bool late = now - job.DueAt > options.Value.Scheduling.MaxLateness;
        return job.Kind == ScheduledJobKind.Routine
            ? await RunRoutineAsync(job, customer, tier, catalog, zone, late, now, cancellationToken).ConfigureAwait(false)
            : await RunTimerAsync(job, customer, tier, catalog, zone, late, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JobOutcome> RunTimerAsync(
        ScheduledJob job, Customer customer, ServiceLevel tier, ServiceLevelCatalog catalog, TimeZoneInfo zone, bool late, CancellationToken cancellationToken)
    {
        if (job.Command is not { } command || !TimerTools.Delayable.Contains(command.Tool))
        {
            return JobOutcome.Dropped;
        }

        string? action = ToolNames.RequiredAction(command.Tool);
        if (late)
        {
            await TellAsync(job, TimerReplies.Missed(job.Description, CustomerClock.LocalTime(job.DueAt, zone), job.Language), [], action, tier.Allows(action ?? ""), cancellationToken).ConfigureAwait(false);
            return JobOutcome.Missed;
        }

        DeviceToolbox toolbox = ToolboxFor(job, customer, tier, catalog);
        ToolOutcome result = await toolbox.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        string text = result.Executed ? TimerReplies.Fired(result.Message, job.Language) : TimerReplies.FiredRefused(job.Description, result.Message, job.Language);
        await TellAsync(job, text, toolbox.Actions, action, tier.Allows(action ?? ""), cancellationToken).ConfigureAwait(false);
        return result.Executed ? JobOutcome.Ran : JobOutcome.Refused;
    }

    private async Task<JobOutcome> RunRoutineAsync(
        ScheduledJob job, Customer customer, ServiceLevel tier, ServiceLevelCatalog catalog, TimeZoneInfo zone, bool late, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        Routine? routine = customer.Routines.FirstOrDefault(r => r.Id == job.RoutineId);
        if (routine is null)
        {
            // Deleted since: nothing to run, and no next time.
            return JobOutcome.Dropped;
        }

        const string action = Actions.CustomActions;
        JobOutcome outcome;
        if (late)
        {
            await TellAsync(job, TimerReplies.RoutineMissed(routine.Name, CustomerClock.LocalTime(job.DueAt, zone), job.Language), [], action, tier.Allows(action), cancellationToken).ConfigureAwait(false);
            outcome = JobOutcome.Missed;
        }
        else
        {
            DeviceToolbox toolbox = ToolboxFor(job, customer, tier, catalog);
            ToolOutcome result = await new RoutineTools(toolbox).RunAsync(routine.Id, cancellationToken).ConfigureAwait(false);
            string text = result.Executed ? TimerReplies.RoutineRan(routine.Name, result.Message, job.Language) : TimerReplies.RoutineRefused(routine.Name, result.Message, job.Language);
            await TellAsync(job, text, toolbox.Actions, action, tier.Allows(action), cancellationToken).ConfigureAwait(false);
            outcome = result.Executed ? JobOutcome.Ran : JobOutcome.Refused;
        }

        DateTimeOffset after = now > job.DueAt ? now : job.DueAt;
        // The next occurrence is told where and how this one was: the conversation and language it was set up in.
        await new RoutineScheduler(scheduler).EnqueueNextAsync(customer, routine, job.ConversationId, job.Language, after, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private DeviceToolbox ToolboxFor(ScheduledJob job, Customer customer, ServiceLevel tier, ServiceLevelCatalog catalog)
    {
        var context = new AgentContext
        {
            Customer = customer,
            Tier = tier,
            Catalog = catalog,
            ConversationId = job.ConversationId,
            Text = job.Description,
            Analysis = new RequestAnalysis { Intent = Intent.Unknown, Language = job.Language },
        };

        // Nobody reads these results but the customer, so the devices' and the gate's words are in the job's language.
        return new DeviceToolbox(context, updater, push.EventsFor(job.CustomerId), time) { Timers = scheduler, MessageLanguage = job.Language };
    }

    /// <summary>Stores the job's bot message in its conversation, then pushes it to the customer's open connections.</summary>
    private async Task TellAsync(
        ScheduledJob job, string text, IReadOnlyList<ActionRecord> actions, string? action, bool allowed, CancellationToken cancellationToken)
    {
        StoredMessage stored = await log.AppendAsync(new StoredMessage
        {
            ConversationId = job.ConversationId,
            Timestamp = time.GetUtcNow(),
            UserId = job.CustomerId,
            Sender = Senders.Bot,
            Text = text,
            RequestType = job.Kind == ScheduledJobKind.Timer ? RequestTypes.Timer : RequestTypes.CustomRoutine,
            RequiredActions = action is null ? [] : [action],
            Allowed = allowed,
            Actions = actions,
            Source = Sources.Offline,
            Language = job.Language.Code(),
        }, CancellationToken.None).ConfigureAwait(false);
        await push.SendAsync(job.CustomerId, MessageFrame.From(stored), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {JobId} ({Kind}) ended: {Outcome}")]
    private static partial void LogJobRan(ILogger logger, string jobId, ScheduledJobKind kind, JobOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {JobId} for {CustomerId} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string jobId, string customerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled job {JobId} outlived its lease; another runner has it now")]
    private static partial void LogLeaseLost(ILogger logger, string jobId);
}
