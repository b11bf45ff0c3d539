using System.Globalization;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;

namespace ServiceBot.Core.Scheduling;

/// <summary>
/// One-off timers: set, list, cancel. Setting one passes the delayed command through the gate now (a basic customer
/// cannot set a music timer); the runner passes it through the gate again when it fires.
/// </summary>
public sealed class TimerTools(DeviceToolbox toolbox)
{
    /// <summary>The language of this reply's sentences (English for a model, the customer's for the offline assistant).</summary>
    private Language L => toolbox.MessageLanguage;

    /// <summary>The commands a timer can delay: the same device changes a routine step can make, plus volume steps.</summary>
    public static readonly IReadOnlySet<string> Delayable = new HashSet<string>(StringComparer.Ordinal)
    {
        ToolNames.SetPower, ToolNames.SetVolume, ToolNames.ChangeVolume, ToolNames.PlayMusic, ToolNames.PauseMusic,
    };

    public async Task<ToolOutcome> SetAsync(DeviceCommand command, double? delayMinutes, string? atTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);

        // The plan first: a customer whose tier lacks the action hears which tier has it, delayable or not.
        Customer customer = toolbox.Customer;
        GateDecision decision = toolbox.Gate.Check(customer, toolbox.Context.Tier, command);
        string action = decision.Action ?? ToolNames.RequiredAction(command.Tool) ?? command.Tool;
        if (!decision.Allowed && decision.Kind == RefusalKind.Tier)
        {
            return Refuse(action, command.DeviceId, decision.Reason!, decision.Kind);
        }

        if (!Delayable.Contains(command.Tool))
        {
            return Refuse(action, command.DeviceId, TimerReplies.NotDelayable(command.Tool, L), RefusalKind.Argument);
        }

        if (!decision.Allowed)
        {
            return Refuse(action, command.DeviceId, decision.Reason!, decision.Kind);
        }

        if (toolbox.Timers is not { } scheduler)
        {
            return Refuse(action, command.DeviceId, TimerReplies.Unavailable(L), RefusalKind.None);
        }

        DateTimeOffset now = scheduler.Time.GetUtcNow();
        TimeZoneInfo zone = CustomerClock.ZoneOf(customer);
        DateTimeOffset due;
        if (delayMinutes is { } minutes && double.IsFinite(minutes))
        {
            due = now + TimeSpan.FromMinutes(Math.Clamp(minutes, -1, SchedulingOptions.MaxAhead.TotalMinutes + 1));
        }
        else if (!string.IsNullOrWhiteSpace(atTime))
        {
            if (!TimeOnly.TryParseExact(atTime.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly at))
            {
                return Refuse(action, command.DeviceId, TimerReplies.BadTime(atTime, L), RefusalKind.Argument);
            }

            due = CustomerClock.NextAt(at, zone, now);
        }
        else
        {
            return Refuse(action, command.DeviceId, TimerReplies.NoTime(L), RefusalKind.Argument);
        }

        SchedulingOptions options = scheduler.Options;
        if (due - now < options.MinimumDelay)
        {
            return Refuse(action, command.DeviceId, TimerReplies.TooSoon(options.MinimumDelay, L), RefusalKind.Argument);
        }

        if (due - now > SchedulingOptions.MaxAhead)
        {
            return Refuse(action, command.DeviceId, TimerReplies.TooFar(SchedulingOptions.MaxAhead, L), RefusalKind.Argument);
        }

        IReadOnlyList<ScheduledJob> pending = await PendingTimersAsync(scheduler, cancellationToken).ConfigureAwait(false);
        if (pending.Count >= SchedulingOptions.MaxPendingTimers)
        {
            return Refuse(action, command.DeviceId, TimerReplies.TooMany(SchedulingOptions.MaxPendingTimers, L), RefusalKind.Argument);
        }

        // The job is said in the customer's language when it fires, whoever answers now (a model reads this reply in English).
        Language language = toolbox.Context.Analysis.Language;
        var job = new ScheduledJob
        {
            Id = "tmr_" + Guid.NewGuid().ToString("N")[..10],
            CustomerId = customer.Id,
            ConversationId = toolbox.Context.ConversationId,
            DueAt = due,
            Kind = ScheduledJobKind.Timer,
            Command = command,
            Description = TimerReplies.Describe(command, customer, language),
            Language = language,
            CreatedAt = now,
        };
        await scheduler.AddAsync(job, cancellationToken).ConfigureAwait(false);

        string message = TimerReplies.Set(TimerReplies.Describe(command, customer, L), CustomerClock.LocalTime(due, zone), due - now, L);
        toolbox.Record(action, command.DeviceId, allowed: true, message);
        return ToolOutcome.Done(message);
    }

    public async Task<ToolOutcome> ListAsync(CancellationToken cancellationToken)
    {
        if (toolbox.Timers is not { } scheduler)
        {
            return ToolOutcome.Refused(TimerReplies.Unavailable(L));
        }

        IReadOnlyList<ScheduledJob> pending = await PendingTimersAsync(scheduler, cancellationToken).ConfigureAwait(false);
        return ToolOutcome.Done(pending.Count == 0 ? TimerReplies.NoTimers(L) : Describe(scheduler, pending));
    }

    /// <summary>Cancels the timer with <paramref name="timerId"/>, every timer, those of a device, or the only one.</summary>
    public async Task<ToolOutcome> CancelAsync(string? timerId, string? deviceId, bool all, CancellationToken cancellationToken)
    {
        if (toolbox.Timers is not { } scheduler)
        {
            return ToolOutcome.Refused(TimerReplies.Unavailable(L));
        }

        IReadOnlyList<ScheduledJob> pending = await PendingTimersAsync(scheduler, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ScheduledJob> chosen;
        if (!string.IsNullOrWhiteSpace(timerId))
        {
            chosen = pending.Where(j => string.Equals(j.Id, timerId.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
            if (chosen.Count == 0)
            {
                return ToolOutcome.Refused(TimerReplies.NoSuchTimer(timerId, L));
            }
        }
        else
        {
            chosen = string.IsNullOrWhiteSpace(deviceId)
                ? pending
                : pending.Where(j => j.Command?.DeviceIds.Contains(deviceId, StringComparer.OrdinalIgnoreCase) == true).ToArray();
            if (chosen.Count == 0)
            {
                return ToolOutcome.Refused(TimerReplies.NothingToCancel(L));
            }

            if (chosen.Count > 1 && !all)
            {
                return ToolOutcome.Refused(TimerReplies.WhichToCancel(Describe(scheduler, chosen), L));
            }
        }

        var cancelled = new List<string>();
        foreach (ScheduledJob job in chosen)
        {
            if (!await scheduler.Jobs.CancelAsync(toolbox.Customer.Id, job.Id, cancellationToken).ConfigureAwait(false))
            {
                return ToolOutcome.Refused(TimerReplies.AlreadyFiring(job.Description, L));
            }

            cancelled.Add(job.Description);
        }

        return ToolOutcome.Done(TimerReplies.Cancelled(cancelled, L));
    }

    private async Task<IReadOnlyList<ScheduledJob>> PendingTimersAsync(JobScheduler scheduler, CancellationToken cancellationToken) =>
        (await scheduler.Jobs.ListPendingAsync(toolbox.Customer.Id, cancellationToken).ConfigureAwait(false))
            .Where(j => j.Kind == ScheduledJobKind.Timer)
            .ToArray();

    private string Describe(JobScheduler scheduler, IReadOnlyList<ScheduledJob> timers)
    {
        DateTimeOffset now = scheduler.Time.GetUtcNow();
        TimeZoneInfo zone = CustomerClock.ZoneOf(toolbox.Customer);
        return TimerReplies.List(timers.Select(j => (j.Description, CustomerClock.LocalTime(j.DueAt, zone), j.DueAt > now ? j.DueAt - now : TimeSpan.Zero, j.Id)), L);
    }

    private ToolOutcome Refuse(string action, string? deviceId, string reason, RefusalKind kind)
    {
        toolbox.Record(action, deviceId, allowed: false, reason, kind.ToString());
        return ToolOutcome.Refused(reason);
    }
}
