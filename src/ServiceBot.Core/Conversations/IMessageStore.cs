namespace ServiceBot.Core.Conversations;

/// <summary>The Messages table: partition <c>conversationId</c>, sort <c>timestamp</c>, index <c>UserIdIndex</c> (<c>userId</c> + <c>timestamp</c>).</summary>
public interface IMessageStore
{
    /// <summary>Adds the message unless its (conversationId, timestamp) is taken; false then, and nothing is overwritten.</summary>
    Task<bool> TryAddAsync(StoredMessage message, CancellationToken cancellationToken);

    /// <summary>The conversation's latest <paramref name="limit"/> messages, oldest first.</summary>
    Task<IReadOnlyList<StoredMessage>> GetConversationAsync(string conversationId, int limit, CancellationToken cancellationToken);

    /// <summary>The UserIdIndex query: a customer's messages across conversations, newest first.</summary>
    Task<IReadOnlyList<StoredMessage>> GetByUserAsync(string userId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The customer's messages (theirs and the bot's reply) carrying this idempotency key, oldest first; only those of
    /// <paramref name="conversationId"/> when it is given.
    /// </summary>
    Task<IReadOnlyList<StoredMessage>> FindByClientMessageIdAsync(string userId, string clientMessageId, string? conversationId, CancellationToken cancellationToken);
}
