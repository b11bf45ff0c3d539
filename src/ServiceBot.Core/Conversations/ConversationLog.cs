namespace ServiceBot.Core.Conversations;

/// <summary>Appends messages so that two never overwrite each other, even when written in the same tick.</summary>
public sealed class ConversationLog(IMessageStore store)
{
    private const int MaxAttempts = 64;

    /// <summary>Stores the message, moving its timestamp on by one tick while another message holds it; returns it as stored.</summary>
    public async Task<StoredMessage> AppendAsync(StoredMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        StoredMessage candidate = message;
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await store.TryAddAsync(candidate, cancellationToken).ConfigureAwait(false))
            {
                return candidate;
            }

            candidate = candidate with { Timestamp = candidate.Timestamp.AddTicks(1 + attempt) };
        }

        throw new InvalidOperationException($"Could not find a free timestamp in conversation {message.ConversationId}.");
    }
}
