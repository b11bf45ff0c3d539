namespace ServiceBot.Core.Scheduling;

/// <summary>
/// The scheduled jobs (ours, beyond the seed's tables): persisted, so a timer set before a restart still fires after it.
/// A due job is claimed with a lease before it runs, so two processes never run one job at once; a runner that dies
/// mid-job leaves its lease to expire, and the job becomes due again.
/// </summary>
public interface IScheduledJobStore
{
    /// <summary>Adds the job unless one with its id exists; false then, and nothing changes (routine occurrences rely on it).</summary>
    Task<bool> TryAddAsync(ScheduledJob job, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> jobs due at <paramref name="now"/> (pending ones, and claimed ones whose lease has
    /// passed) until <c>now + lease</c>. A job is handed to one claimer only.
    /// </summary>
    Task<IReadOnlyList<ClaimedJob>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Ends the job; false when the claim is no longer the job's (its lease passed and another runner took it).</summary>
    Task<bool> CompleteAsync(ClaimedJob claim, JobOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Cancels one of the customer's pending jobs; false when it is not theirs, already claimed, or ended.</summary>
    Task<bool> CancelAsync(string customerId, string jobId, CancellationToken cancellationToken);

    /// <summary>The customer's jobs still to run (claimed ones included), soonest first.</summary>
    Task<IReadOnlyList<ScheduledJob>> ListPendingAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>When the next job becomes due (a pending job's time, or a claim's lease end); null when none waits.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);
}
