namespace ServiceBot.Core.Conversations;

/// <summary>A row of the Messages table: one customer message or one bot reply.</summary>
public sealed record StoredMessage
{
    public required string ConversationId { get; init; }

    /// <summary>Sort key. Unique within the conversation: the log moves it on by a tick when another message holds it.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required string UserId { get; init; }
    public required string Sender { get; init; }
    public required string Text { get; init; }
    public string? RequestType { get; init; }
    public IReadOnlyList<string> RequiredActions { get; init => field = value ?? []; } = [];
    public bool Allowed { get; init; } = true;
    public IReadOnlyList<ActionRecord> Actions { get; init => field = value ?? []; } = [];

    /// <summary>For a bot reply: <c>claude</c> or <c>offline</c>.</summary>
    public string? Source { get; init; }

    public string? ClientMessageId { get; init; }

    /// <summary>The language the customer wrote in and the bot answered in: "en", "es" or "de" (null in rows stored before).</summary>
    public string? Language { get; init; }

    /// <summary>Model tokens spent on a bot reply (Claude only).</summary>
    public TokenUsage? Usage { get; init; }

    /// <summary>For a message of the support team (sender <c>agent</c>): the person's name, as the customer sees it.</summary>
    public string? AgentName { get; init; }
}

public static class Senders
{
    public const string Customer = "customer";
    public const string Bot = "bot";

    /// <summary>A person of the support team, answering in a handed-off conversation.</summary>
    public const string Agent = "agent";
}

/// <summary>What the agent tried and what the gate decided.</summary>
public sealed record ActionRecord(string Action, string? DeviceId, bool Allowed, string Result);

public sealed record TokenUsage(long InputTokens, long OutputTokens, long CacheReadTokens, long CacheWriteTokens);
