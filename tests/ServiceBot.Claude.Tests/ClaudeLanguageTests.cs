using System.Text.Json.Nodes;
using ServiceBot.Claude.Tests.StandIn;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Conversations;

namespace ServiceBot.Claude.Tests;

/// <summary>Claude is told to answer in the customer's language, and a Spanish message goes there and back with tool results in English.</summary>
public sealed class ClaudeLanguageTests : IAsyncLifetime
{
    private ClaudeRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await ClaudeRig.StartAsync();

    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_spanish_message_round_trips_with_the_language_in_the_prompt_and_english_tool_results()
    {
        _rig.Api.Enqueue(
            ScriptedReply.Tools(("play_music", new { deviceId = "dev_002", music = "jazz" })),
            ScriptedReply.Text("¡Listo! Ya suena jazz en el altavoz del dormitorio."));

        Answer answer = await _rig.AskAsync("cust_002", "pon jazz en el altavoz del dormitorio");

        RecordedRequest first = _rig.Api.Requests[0];
        Assert.Contains("Answer in the language of the customer's latest message", first.SystemText, StringComparison.Ordinal);
        Assert.Contains("Language of their latest message: Spanish (español); answer in it.", first.SystemText, StringComparison.Ordinal);
        Assert.Equal("pon jazz en el altavoz del dormitorio", first.LastUserText);

        // The tool result the model reads stays in English; the words the customer gets are Claude's, in Spanish.
        JsonObject result = Assert.Single(_rig.Api.Requests[1].ToolResults);
        Assert.Contains("Now playing jazz on the bedroom speaker.", ClaudeAnswerTests.Message(result), StringComparison.Ordinal);
        Assert.Equal("claude", answer.Reply.Source);
        Assert.Equal("¡Listo! Ya suena jazz en el altavoz del dormitorio.", answer.Text);
        Assert.Equal("jazz", (await _rig.CustomerAsync("cust_002")).FindDevice("dev_002")!.NowPlaying);
        Assert.Empty(_rig.Api.Rejections);
    }

    [Fact]
    public async Task A_bare_number_after_a_german_turn_is_still_german_for_claude()
    {
        StoredMessage[] history =
        [
            new() { ConversationId = "conv_lang", Timestamp = DateTimeOffset.UtcNow.AddSeconds(-2), UserId = "cust_002", Sender = Senders.Customer, Text = "stell die Küche auf 20", Language = "de" },
            new() { ConversationId = "conv_lang", Timestamp = DateTimeOffset.UtcNow.AddSeconds(-1), UserId = "cust_002", Sender = Senders.Bot, Text = "Erledigt: 20.", Language = "de" },
        ];
        _rig.Api.Enqueue(ScriptedReply.Text("Welches Gerät soll auf 30?"));

        await _rig.AskAsync("cust_002", "30", history);

        Assert.Contains("Language of their latest message: German (Deutsch)", _rig.Api.Requests[0].SystemText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_message_is_marked_english()
    {
        _rig.Api.Enqueue(ScriptedReply.Text("Hi John!"));

        await _rig.AskAsync("cust_002", "hello there");

        Assert.Contains("Language of their latest message: English; answer in it.", _rig.Api.Requests[0].SystemText, StringComparison.Ordinal);
    }
}
