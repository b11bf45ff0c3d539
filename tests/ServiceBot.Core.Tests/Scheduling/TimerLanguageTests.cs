using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Scheduling;

namespace ServiceBot.Core.Tests.Scheduling;

/// <summary>
/// A timer or routine speaks, when it fires, the language it was set in: the stored message, its language and the pushed
/// frame; the confirmation, listing and cancelling in the language of the message that asks.
/// </summary>
public sealed class TimerLanguageTests : IAsyncLifetime
{
    private WiredCore _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WiredCore.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_timer_set_in_Spanish_fires_in_Spanish()
    {
        MessageFrame set = await _rig.ChatAsync("cust_002", "apaga el altavoz del dormitorio en 30 minutos");
        Assert.Equal("Listo: a las 13:30 (dentro de 30 minutos) voy a apagar el altavoz del dormitorio.", set.Message);
        ScheduledJob job = Assert.Single(await _rig.Jobs.ListPendingAsync("cust_002", TestContext.Current.CancellationToken));
        Assert.Equal((Language.Spanish, "apagar el altavoz del dormitorio"), (job.Language, job.Description));

        (StoredMessage stored, MessageFrame pushed) = await FireAsync("cust_002", set.ConversationId, WiredCore.Start.AddMinutes(30));

        Assert.Equal("Temporizador: He apagado el altavoz del dormitorio.", stored.Text);
        Assert.Equal("es", stored.Language);
        Assert.Equal(stored.Text, pushed.Message);
        Assert.Equal(set.ConversationId, pushed.ConversationId);
    }

    [Fact]
    public async Task A_timer_set_in_German_fires_in_German()
    {
        MessageFrame set = await _rig.ChatAsync("cust_002", "schalte den Lautsprecher im Schlafzimmer in 30 Minuten aus");
        Assert.Equal("Erledigt: Um 13:30 Uhr (in 30 Minuten) werde ich den Lautsprecher im Schlafzimmer ausschalten.", set.Message);

        (StoredMessage stored, MessageFrame pushed) = await FireAsync("cust_002", set.ConversationId, WiredCore.Start.AddMinutes(30));

        Assert.Equal("Timer: Ich habe den Lautsprecher im Schlafzimmer ausgeschaltet.", stored.Text);
        Assert.Equal("de", stored.Language);
        Assert.Equal(stored.Text, pushed.Message);
    }

    [Fact]
    public async Task Pon_with_a_delay_plays_later_and_pon_with_a_level_still_sets_it()
    {
        MessageFrame later = await _rig.ChatAsync("cust_002", "pon jazz en el dormitorio en 15 minutos");
        Assert.StartsWith("Listo: a las 13:15", later.Message, StringComparison.Ordinal);
        ScheduledJob job = Assert.Single(await _rig.Jobs.ListPendingAsync("cust_002", TestContext.Current.CancellationToken));
        Assert.Equal(("play_music", "jazz"), (job.Command!.Tool, job.Command.Music));

        MessageFrame now = await _rig.ChatAsync("cust_002", "pon el altavoz del dormitorio a 30", later.ConversationId);
        Assert.Equal(["volume_control"], now.RequiredActions);
        Assert.True(now.Allowed);
    }

    [Fact]
    public async Task A_timer_refused_when_it_fires_says_why_in_its_language()
    {
        MessageFrame set = await _rig.ChatAsync("cust_002", "reproduce jazz en el dormitorio en 15 minutos");
        Assert.StartsWith("Listo: a las 13:15", set.Message, StringComparison.Ordinal);
        await _rig.Updater.UpdateAsync("cust_002", c => c with { ServiceLevel = "basic" }, TestContext.Current.CancellationToken);

        (StoredMessage stored, MessageFrame pushed) = await FireAsync("cust_002", set.ConversationId, WiredCore.Start.AddMinutes(15));

        Assert.StartsWith("Temporizador: no he podido poner jazz en el altavoz del dormitorio. ", stored.Text, StringComparison.Ordinal);
        Assert.Contains("premium", stored.Text, StringComparison.Ordinal);
        Assert.Equal("es", HeldOut.ReplyLanguage.Detect(stored.Text[stored.Text.IndexOf(". ", StringComparison.Ordinal)..]));
        Assert.False(pushed.Allowed);
        Assert.Equal("es", stored.Language);
    }

    [Fact]
    public async Task A_routine_set_up_in_German_runs_in_German_and_its_next_run_keeps_the_language()
    {
        await _rig.Updater.UpdateAsync("cust_003", c => c with
        {
            Devices = c.Devices.Select(d => d.Id == "dev_004" ? d with { Power = PowerState.Off } : d).ToArray(),
        }, TestContext.Current.CancellationToken);
        MessageFrame created = await _rig.ChatAsync("cust_003", "jeden Tag um 7 Uhr schalte den Lautsprecher im Büro ein");
        Assert.StartsWith("Ich habe die Routine", created.Message, StringComparison.Ordinal);
        ScheduledJob first = Assert.Single(await _rig.Jobs.ListPendingAsync("cust_003", TestContext.Current.CancellationToken));
        Assert.Equal(Language.German, first.Language);

        (StoredMessage stored, _) = await FireAsync("cust_003", created.ConversationId, first.DueAt);

        Assert.StartsWith("Die Routine \"", stored.Text, StringComparison.Ordinal);
        Assert.Contains("ist planmäßig gelaufen.", stored.Text, StringComparison.Ordinal);
        Assert.Contains("Ich habe den Lautsprecher im Büro eingeschaltet.", stored.Text, StringComparison.Ordinal);
        Assert.Equal("de", stored.Language);
        ScheduledJob next = Assert.Single(await _rig.Jobs.ListPendingAsync("cust_003", TestContext.Current.CancellationToken));
        Assert.Equal((first.DueAt.AddDays(1), Language.German, created.ConversationId), (next.DueAt, next.Language, next.ConversationId));
    }

    [Fact]
    public async Task A_job_stored_before_jobs_had_a_language_reads_and_fires_in_English()
    {
        MessageFrame chat = await _rig.ChatAsync("cust_002", "hola");
        // A timer's row as the stores wrote it before: no "language".
        ScheduledJob old = SchedulingJson.Deserialize($$"""
            {"id":"tmr_old0000001","customerId":"cust_002","conversationId":"{{chat.ConversationId}}","dueAt":"2026-11-06T13:10:00+00:00",
             "kind":"Timer","command":{"tool":"set_power","deviceIds":["dev_002"],"power":"off"},
             "description":"turn off the bedroom speaker","createdAt":"2026-11-06T13:00:00+00:00"}
            """);
        Assert.Equal(Language.English, old.Language);
        await _rig.Jobs.TryAddAsync(old, TestContext.Current.CancellationToken);

        (StoredMessage stored, _) = await FireAsync("cust_002", chat.ConversationId, WiredCore.Start.AddMinutes(10));

        Assert.Equal("Timer: Turned off the bedroom speaker.", stored.Text);
        Assert.Equal("en", stored.Language);
    }

    [Fact]
    public async Task Spanish_timers_are_listed_and_cancelled_in_Spanish()
    {
        MessageFrame set = await _rig.ChatAsync("cust_002", "apaga el altavoz del dormitorio en 30 minutos");

        MessageFrame listed = await _rig.ChatAsync("cust_002", "qué temporizadores tengo", set.ConversationId);
        ScheduledJob job = Assert.Single(await _rig.Jobs.ListPendingAsync("cust_002", TestContext.Current.CancellationToken));
        Assert.Equal($"Tus temporizadores: a las 13:30 (dentro de 30 minutos) apagar el altavoz del dormitorio [{job.Id}].", listed.Message);

        MessageFrame cancelled = await _rig.ChatAsync("cust_002", "cancela mi temporizador", set.ConversationId);
        Assert.Equal("He cancelado el temporizador para apagar el altavoz del dormitorio.", cancelled.Message);
        Assert.Empty(await _rig.Jobs.ListPendingAsync("cust_002", TestContext.Current.CancellationToken));
    }

    /// <summary>Runs the jobs due at <paramref name="at"/>: the message stored in the conversation, and the one pushed.</summary>
    private async Task<(StoredMessage Stored, MessageFrame Pushed)> FireAsync(string customerId, string conversationId, DateTimeOffset at)
    {
        int before = _rig.FramesTo(customerId).Count;
        Assert.Equal(1, await _rig.RunDueAtAsync(at));
        MessageFrame pushed = Assert.Single(_rig.FramesTo(customerId).Skip(before).OfType<MessageFrame>());
        return (await _rig.LastStoredAsync(conversationId), pushed);
    }
}
