using System.Text.Json;
using ServiceBot.Core.Frames;

namespace ServiceBot.Core.Handlers;

/// <summary>Reads and checks one client frame against docs/protocol.md's limits; anything else becomes an error frame and nothing happens.</summary>
public static class ClientFrameReader
{
    public static (ClientFrame? Frame, ErrorFrame? Error) Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > FrameLimits.MaxFrameBytes)
        {
            return (null, new ErrorFrame(ErrorCodes.TooLarge, $"Frames can be at most {FrameLimits.MaxFrameBytes / 1024} KB."));
        }

        if (utf8.IsEmpty)
        {
            return (null, BadRequest("The frame is empty; send a JSON object like {\"action\":\"sendMessage\",\"message\":\"hello\"}."));
        }

        ClientFrame? frame;
        try
        {
            frame = JsonSerializer.Deserialize(utf8, FrameJson.Default.ClientFrame);
        }
        catch (JsonException)
        {
            return (null, BadRequest("Frames must be JSON objects like {\"action\":\"sendMessage\",\"message\":\"hello\"}, with text fields as strings."));
        }

        if (frame is null)
        {
            return (null, BadRequest("Frames must be JSON objects like {\"action\":\"sendMessage\",\"message\":\"hello\"}."));
        }

        string? cmid = frame.ClientMessageId;
        if (string.IsNullOrEmpty(frame.Action))
        {
            return (null, BadRequest("The frame has no \"action\"; use sendMessage, getProfile or getHistory.", cmid));
        }

        if (!ClientActions.IsCustomerAction(frame.Action) && !ClientActions.IsStaffAction(frame.Action))
        {
            string shown = frame.Action.Length > 40 ? frame.Action[..40] + "…" : frame.Action;
            return (null, new ErrorFrame(ErrorCodes.UnknownAction, $"Unknown action \"{shown}\"; use sendMessage, getProfile or getHistory.", Known(cmid)));
        }

        if (cmid is not null && (cmid.Length is 0 or > FrameLimits.MaxClientMessageIdLength))
        {
            return (null, BadRequest($"clientMessageId must be 1 to {FrameLimits.MaxClientMessageIdLength} characters."));
        }

        if (frame.ConversationId is { } conversationId && !IsValidConversationId(conversationId))
        {
            return (null, BadRequest($"conversationId must be 1 to {FrameLimits.MaxConversationIdLength} letters, digits, '-' or '_'.", cmid));
        }

        if (ClientActions.NeedsConversation(frame.Action) && frame.ConversationId is null)
        {
            return (null, BadRequest($"{frame.Action} needs the \"conversationId\" it is about.", cmid));
        }

        if (frame.Action is ClientActions.SendMessage or ClientActions.SendAgentMessage)
        {
            if (string.IsNullOrWhiteSpace(frame.Message))
            {
                return (null, BadRequest($"{frame.Action} needs a \"message\" with some text.", cmid));
            }

            if (frame.Message.Length > FrameLimits.MaxMessageLength)
            {
                return (null, BadRequest($"Messages can be at most {FrameLimits.MaxMessageLength} characters; this one has {frame.Message.Length}.", cmid));
            }
        }

        return (frame, null);
    }

    private static ErrorFrame BadRequest(string message, string? clientMessageId = null) =>
        new(ErrorCodes.BadRequest, message, Known(clientMessageId));

    private static string? Known(string? clientMessageId) =>
        clientMessageId is { Length: > 0 and <= FrameLimits.MaxClientMessageIdLength } ? clientMessageId : null;

    private static bool IsValidConversationId(string id) =>
        id.Length is > 0 and <= FrameLimits.MaxConversationIdLength
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
