using System.Text.Json;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Frames;
using ServiceBot.Lambda.Gateway;

namespace ServiceBot.Lambda.Tests;

/// <summary>Frames stay within API Gateway's 32 KB, in the ways the protocol allows.</summary>
public sealed class FrameFitterTests
{
    [Fact]
    public void A_small_frame_goes_as_it_is()
    {
        var frame = new DeltaFrame("conv_1", "Hello");

        IReadOnlyList<byte[]> pieces = FrameFitter.Fit(frame);

        Assert.Equal(FrameJson.Serialize(frame), Assert.Single(pieces));
    }

    [Fact]
    public void A_huge_delta_becomes_several_that_each_fit_and_still_spell_the_whole_text()
    {
        // Non-ASCII text is escaped in JSON (\uXXXX), so the byte count, not the length, decides.
        string text = string.Concat(Enumerable.Repeat("Lautstärke 😀 ", 6000));

        IReadOnlyList<byte[]> pieces = FrameFitter.Fit(new DeltaFrame("conv_1", text));

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, FrameFitter.MaxFrameBytes));
        Assert.Equal(text, string.Concat(pieces.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("text").GetString())));
    }

    [Fact]
    public void A_long_history_keeps_its_newest_messages()
    {
        HistoryEntry[] entries = Enumerable.Range(0, 200)
            .Select(i => new HistoryEntry(i % 2 == 0 ? "customer" : "bot", $"message {i} " + new string('x', 400), $"2026-01-01T00:00:{i % 60:00}.000Z", null, true))
            .ToArray();

        byte[] piece = Assert.Single(FrameFitter.Fit(new HistoryFrame("conv_1", entries)));

        Assert.InRange(piece.Length, 1, FrameFitter.MaxFrameBytes);
        JsonElement messages = JsonDocument.Parse(piece).RootElement.GetProperty("messages");
        Assert.InRange(messages.GetArrayLength(), 10, 199);
        Assert.StartsWith("message 199 ", messages[messages.GetArrayLength() - 1].GetProperty("text").GetString());
    }

    [Fact]
    public void An_oversized_reply_keeps_its_beginning_and_everything_else_about_it()
    {
        var reply = new MessageFrame("conv_1", "Done. " + new string('y', 40_000), "volume_change", ["volume_control"], true, [], "claude",
            "2026-01-01T00:00:00.000Z", "m-1");

        byte[] piece = Assert.Single(FrameFitter.Fit(reply));

        Assert.InRange(piece.Length, 1, FrameFitter.MaxFrameBytes);
        JsonElement json = JsonDocument.Parse(piece).RootElement;
        Assert.StartsWith("Done. yyy", json.GetProperty("message").GetString());
        Assert.EndsWith("…", json.GetProperty("message").GetString());
        Assert.Equal("m-1", json.GetProperty("clientMessageId").GetString());
        Assert.Equal("volume_change", json.GetProperty("requestType").GetString());
    }
}
