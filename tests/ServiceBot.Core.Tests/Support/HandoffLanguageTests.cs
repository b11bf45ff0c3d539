using ServiceBot.Core.Frames;
using ServiceBot.Core.Handlers;

namespace ServiceBot.Core.Tests.Support;

/// <summary>
/// What a customer reads while a person is asked for, taken, handed back or closed is in the language they asked in:
/// the handoff frame's heading and sentence, also when another customer's request moves their place.
/// </summary>
public sealed class HandoffLanguageTests : IAsyncLifetime
{
    private WiredCore _core = null!;

    public async ValueTask InitializeAsync() => _core = await WiredCore.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task A_Spanish_customer_is_told_in_Spanish_when_a_person_joins_and_hands_them_back()
    {
        MessageFrame asked = await _core.ChatAsync("cust_002", "quiero hablar con una persona");
        HandoffFrame queued = LastHandoff("cust_002");
        Assert.Equal(("Esperando a una persona", "queued"), (queued.Title, queued.Status));
        Assert.StartsWith("Eres el número 1 en la cola para hablar con una persona de nuestro equipo de soporte; la espera prevista es de unos ", queued.Text, StringComparison.Ordinal);

        await _core.StaffAsync("staff_001", ClientActions.TakeConversation, asked.ConversationId);
        HandoffFrame taken = LastHandoff("cust_002");
        Assert.Equal(("Una persona está contigo", "Sam Rivera de nuestro equipo de soporte se ha unido a la conversación."), (taken.Title, taken.Text));

        await _core.StaffAsync("staff_001", ClientActions.HandBack, asked.ConversationId);
        HandoffFrame back = LastHandoff("cust_002");
        Assert.Equal(("De vuelta con ServiceBot", "Sam Rivera te ha devuelto a ServiceBot, que vuelve a responder a tus mensajes."), (back.Title, back.Text));
    }

    [Fact]
    public async Task A_German_customer_moved_back_by_a_Spanish_one_hears_their_new_place_in_German_and_the_close_too()
    {
        MessageFrame jane = await _core.ChatAsync("cust_001", "ich möchte mit einem Menschen sprechen");
        Assert.StartsWith("Du bist Nummer 1 in der Warteschlange", LastHandoff("cust_001").Text, StringComparison.Ordinal);

        // John's premium plan has priority support: he goes ahead of Jane, who is told her new place.
        await _core.ChatAsync("cust_002", "quiero hablar con una persona");
        HandoffFrame moved = LastHandoff("cust_001");
        Assert.Equal(("Warten auf eine Person", 2), (moved.Title, moved.Position));
        Assert.StartsWith("Du bist Nummer 2 in der Warteschlange für eine Person aus unserem Support-Team; die Wartezeit beträgt etwa ", moved.Text, StringComparison.Ordinal);

        await _core.StaffAsync("staff_002", ClientActions.CloseConversation, jane.ConversationId);
        HandoffFrame closed = LastHandoff("cust_001");
        Assert.Equal(
            ("Zurück bei ServiceBot", "Priya Patel hat diese Support-Unterhaltung geschlossen. Du kannst jederzeit wieder nach einer Person fragen."),
            (closed.Title, closed.Text));
    }

    [Fact]
    public async Task An_English_customer_reads_the_notices_as_before()
    {
        MessageFrame asked = await _core.ChatAsync("cust_003", "agent please");
        Assert.Equal("Waiting for a person", LastHandoff("cust_003").Title);

        await _core.StaffAsync("staff_001", ClientActions.TakeConversation, asked.ConversationId);
        Assert.Equal("Sam Rivera from our support team has joined the conversation.", LastHandoff("cust_003").Text);
    }

    private HandoffFrame LastHandoff(string customerId) => _core.FramesTo(customerId).OfType<HandoffFrame>().Last();
}
