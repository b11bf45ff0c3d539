using ServiceBot.Core.Conversations;

namespace ServiceBot.Bench;

/// <summary>The stored rows of one bench exchange, as the server writes them for the load generator's question.</summary>
internal static class BenchMessages
{
    /// <summary>The customer's question, or (<paramref name="reply"/>) the offline assistant's answer to it.</summary>
    public static StoredMessage Turn(string conversationId, DateTimeOffset at, string userId, bool reply, string clientMessageId) => new()
    {
        ConversationId = conversationId,
        Timestamp = at,
        UserId = userId,
        Sender = reply ? Senders.Bot : Senders.Customer,
        Text = reply ? "Your Living Room Speaker is on, volume 40, and online." : LoadGenerator.Message,
        RequestType = "device_status",
        RequiredActions = ["status_check"],
        Allowed = true,
        Actions = reply ? [new ActionRecord("status_check", "dev_001", true, "on, volume 40")] : [],
        Source = reply ? "offline" : null,
        ClientMessageId = clientMessageId,
        Language = "en",
    };
}
