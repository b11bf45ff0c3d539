namespace ServiceBot.Core.Frames;

/// <summary>A frame a client sends; <c>action</c> is the route key. Unknown fields (a <c>customerId</c>, say) are ignored.</summary>
public sealed record ClientFrame
{
    public string? Action { get; init; }
    public string? Message { get; init; }
    public string? ConversationId { get; init; }
    public string? ClientMessageId { get; init; }

    /// <summary>getUpgradeDemand: how many days back the report reaches (1..366; 30 when absent).</summary>
    public int? Days { get; init; }
}

public static class ClientActions
{
    public const string SendMessage = "sendMessage";
    public const string GetProfile = "getProfile";
    public const string GetHistory = "getHistory";

    // Support console (staff connections only).
    public const string GetQueue = "getQueue";
    public const string GetTranscript = "getTranscript";
    public const string TakeConversation = "takeConversation";
    public const string SendAgentMessage = "sendAgentMessage";
    public const string HandBack = "handBack";
    public const string CloseConversation = "closeConversation";
    public const string GetUpgradeDemand = "getUpgradeDemand";

    public static bool IsCustomerAction(string action) => action is SendMessage or GetProfile or GetHistory;

    public static bool IsStaffAction(string action) =>
        action is GetQueue or GetTranscript or TakeConversation or SendAgentMessage or HandBack or CloseConversation or GetUpgradeDemand;

    /// <summary>Staff actions about one conversation, which must name it.</summary>
    public static bool NeedsConversation(string action) => IsStaffAction(action) && action is not (GetQueue or GetUpgradeDemand);
}

/// <summary>The limits docs/protocol.md puts on client frames.</summary>
public static class FrameLimits
{
    public const int MaxFrameBytes = 32 * 1024;
    public const int MaxMessageLength = 4000;
    public const int MaxClientMessageIdLength = 64;
    public const int MaxConversationIdLength = 128;
}
