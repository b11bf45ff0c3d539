namespace ServiceBot.Core.Support;

/// <summary>
/// The support queue, one row per conversation. Every change is conditional on the row's current state, so two
/// staff members can never both take one conversation and a closed one cannot be answered.
/// </summary>
public interface ISupportQueueStore
{
    /// <summary>
    /// Opens a waiting entry for the conversation unless an open one (waiting or assigned) exists; returns the open
    /// entry, new or already there. A returned or closed entry is replaced by the new one.
    /// </summary>
    Task<QueueEntry> EnqueueAsync(QueueEntry entry, CancellationToken cancellationToken);

    /// <summary>The conversation's entry, open or not, or null when its customer never asked for a person.</summary>
    Task<QueueEntry?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// The conversation's entry while it is open (waiting or assigned), else null. Asked on every customer message, so a
    /// store that can tell without a read (the self-hosted one, the file's only writer) does.
    /// </summary>
    async Task<QueueEntry?> FindOpenAsync(string conversationId, CancellationToken cancellationToken) =>
        await FindAsync(conversationId, cancellationToken).ConfigureAwait(false) is { } entry && QueueStatuses.IsOpen(entry.Status) ? entry : null;

    /// <summary>Every open entry (waiting and assigned), in no particular order: <see cref="QueueOrder"/> orders them.</summary>
    Task<IReadOnlyList<QueueEntry>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>Waiting to assigned to this staff member; false when it was not waiting (someone took it first, or it ended).</summary>
    Task<bool> TryTakeAsync(string conversationId, string staffId, string staffName, CancellationToken cancellationToken);

    /// <summary>
    /// Ends an open entry as <paramref name="status"/> (returned or closed): only one assigned to
    /// <paramref name="staffId"/>, or, when <paramref name="orWaiting"/>, one still waiting. False otherwise; nothing changes then.
    /// </summary>
    Task<bool> TryEndAsync(string conversationId, string staffId, string staffName, string status, bool orWaiting, CancellationToken cancellationToken);

    /// <summary>Records where the customer is connected now, while the entry is open.</summary>
    Task UpdateCustomerConnectionAsync(string conversationId, string connectionId, CancellationToken cancellationToken);
}
