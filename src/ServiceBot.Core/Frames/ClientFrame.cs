namespace ServiceBot.Core.Frames;

/// <summary>A frame a client sends; <c>action</c> is the route key. Unknown fields (a <c>customerId</c>, say) are ignored.</summary>
public sealed record ClientFrame
{
    public string? Action { get; init; }
    public string? Message { get; init; }
    public string? ConversationId { get; init; }
    public string? ClientMessageId { get; init; }
}

public static class ClientActions
{
    public const string SendMessage = "sendMessage";
    public const string GetProfile = "getProfile";
    public const string GetHistory = "getHistory";
}

/// <summary>The limits docs/protocol.md puts on client frames.</summary>
public static class FrameLimits
{
    public const int MaxFrameBytes = 32 * 1024;
    public const int MaxMessageLength = 4000;
    public const int MaxClientMessageIdLength = 64;
    public const int MaxConversationIdLength = 128;
}
