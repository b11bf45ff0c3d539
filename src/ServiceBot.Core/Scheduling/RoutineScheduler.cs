using System.Globalization;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Scheduling;

/// <summary>
/// Keeps the next occurrence of every scheduled routine on the schedule: enqueued when the routine is created, after each
/// run, and at start for routines that have none waiting. An occurrence's id is the routine's id and its time, so
/// enqueuing one twice (a restart, two instances) adds it once. Each occurrence is told in the conversation and language
/// the routine was set up in, handed on from one occurrence to the next; a routine whose chain was lost (start-up finds
/// none waiting) is told in its own conversation, in English, as nothing says which language its customer used.
/// </summary>
public sealed class RoutineScheduler(JobScheduler scheduler)
{
    /// <summary>The conversation a routine's runs are told in when the one it was created in is not known.</summary>
    public static string ConversationFor(string customerId) => "routines_" + customerId;

    /// <summary>Enqueues the routine's first occurrence after <paramref name="after"/>; null when it has no schedule.</summary>
    public async Task<ScheduledJob?> EnqueueNextAsync(
        Customer customer, Routine routine, string conversationId, Language language, DateTimeOffset after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(routine);
        if (routine.Schedule is not { } schedule || CustomerClock.NextRun(schedule, CustomerClock.ZoneOf(customer), after) is not { } next)
        {
            return null;
        }

        var job = new ScheduledJob
        {
            Id = $"rtn_{routine.Id}_{next.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}",
            CustomerId = customer.Id,
            ConversationId = conversationId,
            DueAt = next,
            Kind = ScheduledJobKind.Routine,
            RoutineId = routine.Id,
            Description = TimerReplies.RoutineDescription(routine.Name, language),
            Language = language,
            CreatedAt = scheduler.Time.GetUtcNow(),
        };
        await scheduler.AddAsync(job, cancellationToken).ConfigureAwait(false);
        return job;
    }

    /// <summary>At start: every scheduled routine of every customer gets its next occurrence, unless it has it already.</summary>
    public async Task<int> EnsureAllAsync(ICustomerStore customers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        DateTimeOffset now = scheduler.Time.GetUtcNow();
        int enqueued = 0;
        foreach (Customer customer in await customers.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (Routine routine in customer.Routines.Where(r => r.Schedule is not null))
            {
                if (await EnqueueNextAsync(customer, routine, ConversationFor(customer.Id), Language.English, now, cancellationToken).ConfigureAwait(false) is not null)
                {
                    enqueued++;
                }
            }
        }

        return enqueued;
    }
}
