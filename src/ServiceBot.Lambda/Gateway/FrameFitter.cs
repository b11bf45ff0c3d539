using ServiceBot.Core.Frames;

namespace ServiceBot.Lambda.Gateway;

/// <summary>
/// Keeps every frame posted to a connection within API Gateway's 32 KB WebSocket frame size, in the ways the
/// protocol allows: a <c>delta</c> is split into several (their texts still concatenate to the reply), a
/// <c>history</c> and a <c>transcript</c> keep their newest messages, a <c>message</c> keeps the start of its text
/// (the whole reply is stored). Other frames are small by construction and go as they are.
/// </summary>
internal static class FrameFitter
{
    public const int MaxFrameBytes = 32 * 1024;
    private const string Ellipsis = "…";

    public static IReadOnlyList<byte[]> Fit(ServerFrame frame, int maxBytes = MaxFrameBytes)
    {
        byte[] bytes = FrameJson.Serialize(frame);
        if (bytes.Length <= maxBytes)
        {
            return [bytes];
        }

        return frame switch
        {
            DeltaFrame delta => SplitDelta(delta, maxBytes),
            HistoryFrame history => [NewestThatFit(history.Messages, keep => history with { Messages = keep }, maxBytes)],
            TranscriptFrame transcript => [NewestThatFit(transcript.Messages, keep => transcript with { Messages = keep }, maxBytes)],
            MessageFrame message => [TrimMessage(message, maxBytes)],
            _ => [bytes],
        };
    }

    private static List<byte[]> SplitDelta(DeltaFrame delta, int maxBytes)
    {
        var pieces = new List<byte[]>();
        var pending = new Stack<string>();
        pending.Push(delta.Text);
        while (pending.Count > 0)
        {
            string text = pending.Pop();
            byte[] bytes = FrameJson.Serialize(delta with { Text = text });
            if (bytes.Length <= maxBytes || text.Length <= 1)
            {
                pieces.Add(bytes);
                continue;
            }

            int half = SafeCut(text, text.Length / 2);
            pending.Push(text[half..]);
            pending.Push(text[..half]);
        }

        return pieces;
    }

    private static byte[] NewestThatFit(IReadOnlyList<HistoryEntry> messages, Func<HistoryEntry[], ServerFrame> with, int maxBytes)
    {
        // The fewest oldest messages to drop: binary search on how many are kept.
        int low = 0, high = messages.Count;
        byte[] best = FrameJson.Serialize(with([]));
        while (low <= high)
        {
            int keep = (low + high) / 2;
            byte[] bytes = FrameJson.Serialize(with(messages.Skip(messages.Count - keep).ToArray()));
            if (bytes.Length <= maxBytes)
            {
                best = bytes;
                low = keep + 1;
            }
            else
            {
                high = keep - 1;
            }
        }

        return best;
    }

    private static byte[] TrimMessage(MessageFrame message, int maxBytes)
    {
        int low = 0, high = message.Message.Length;
        byte[] best = FrameJson.Serialize(message with { Message = Ellipsis });
        while (low <= high)
        {
            int length = SafeCut(message.Message, (low + high) / 2);
            byte[] bytes = FrameJson.Serialize(message with { Message = message.Message[..length] + Ellipsis });
            if (bytes.Length <= maxBytes)
            {
                best = bytes;
                low = ((low + high) / 2) + 1;
            }
            else
            {
                high = ((low + high) / 2) - 1;
            }
        }

        return best;
    }

    /// <summary>Never cuts between the two halves of a surrogate pair.</summary>
    private static int SafeCut(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) ? index - 1 : index;
}
