namespace ServiceBot.Server.Tests;

/// <summary>A customer who writes Spanish is understood and answered in Spanish, over a real WebSocket.</summary>
public sealed class LanguageTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_spanish_chat_is_carried_out_and_answered_in_spanish_and_a_bare_number_stays_spanish()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");

        Exchange hello = await john.ChatAsync("hola");
        Assert.StartsWith("¡Hola, John!", hello.Text, StringComparison.Ordinal);

        Exchange jazz = await john.ChatAsync("pon jazz en el altavoz del dormitorio", hello.ConversationId);
        Assert.Equal("play_music", (string?)jazz.Final["requestType"]);
        Assert.Contains(jazz.Executed, a => (string?)a["deviceId"] == "dev_002" && (string?)a["action"] == "music_services");
        Assert.Equal("jazz", (string?)(await john.DeviceAsync("dev_002"))["nowPlaying"]);
        Assert.Equal("Ahora suena jazz en el altavoz del dormitorio.", jazz.Text);

        Exchange everywhere = await john.ChatAsync("pon jazz en todas las habitaciones", hello.ConversationId);
        Assert.False((bool)everywhere.Final["allowed"]!);
        Assert.Empty(everywhere.Executed);
        Assert.Contains("enterprise", everywhere.Text, StringComparison.Ordinal);
        Assert.Contains("no está incluido en tu plan premium", everywhere.Text, StringComparison.Ordinal);

        // "30" says nothing about its language: the conversation's, as stored with the earlier messages, stays.
        Exchange number = await john.ChatAsync("30", hello.ConversationId);
        Assert.StartsWith("Perdona", number.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_conversation_is_refused_in_the_language_of_the_message_and_stores_nothing()
    {
        await using BotClient jane = await _server.ConnectAsync("cust_001");
        await using BotClient john = await _server.ConnectAsync("cust_002");
        Exchange hers = await jane.ChatAsync("is my speaker on?");

        Exchange german = await john.ChatAsync("ist mein Lautsprecher an?", hers.ConversationId);
        Assert.Equal("bad_request", (string?)german.Final["code"]);
        Assert.StartsWith("Diese Unterhaltung gehört nicht dir", german.Text, StringComparison.Ordinal);

        Exchange spanish = await john.ChatAsync("¿está encendido mi altavoz?", hers.ConversationId);
        Assert.StartsWith("Esa conversación no es tuya", spanish.Text, StringComparison.Ordinal);

        Exchange english = await john.ChatAsync("is my speaker on?", hers.ConversationId);
        Assert.StartsWith("That conversation is not yours", english.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await jane.HistoryAsync(hers.ConversationId))["messages"]!.AsArray().Count);
    }
}
