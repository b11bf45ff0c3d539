using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Scheduling;

namespace ServiceBot.Server.Tests;

/// <summary>
/// Timers and scheduled routines through the real server (Kestrel, a real SQLite file, a real WebSocket), on a clock the
/// test moves: what a customer sets in chat really happens later, through the gate, and is told in the conversation.
/// </summary>
public sealed class TimerTests : IAsyncLifetime
{
    // A Friday, 13:00 UTC (08:00 in New York, after the clocks went back on 1 November).
    private static readonly DateTimeOffset Start = new(2026, 11, 6, 13, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await RunningServer.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_timer_set_in_chat_fires_after_thirty_minutes_changes_the_device_and_is_told_in_the_conversation()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");
        Exchange set = await john.ChatAsync("turn off the bedroom speaker in 30 minutes");
        Assert.Contains("Timer set: at 13:30 (in 30 minutes) I'll turn off the bedroom speaker.", set.Text, StringComparison.Ordinal);
        Assert.Equal("timer", (string?)set.Final["requestType"]);
        Assert.Equal("on", (string?)(await john.DeviceAsync("dev_002"))["power"]);

        List<JsonObject> fired = await AdvanceUntilAsync(john, "message", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(40));

        JsonObject device = Assert.Single(fired, f => (string?)f["type"] == "device")["device"]!.AsObject();
        Assert.Equal(("dev_002", "off"), ((string?)device["id"], (string?)device["power"]));
        JsonObject message = fired[^1];
        Assert.Equal("Timer: Turned off the bedroom speaker.", (string?)message["message"]);
        Assert.Equal(set.ConversationId, (string?)message["conversationId"]);
        Assert.True(_clock.GetUtcNow() >= Start.AddMinutes(30));

        JsonObject history = await john.HistoryAsync(set.ConversationId);
        Assert.Equal("Timer: Turned off the bedroom speaker.", (string?)history["messages"]!.AsArray()[^1]!["text"]);
        Assert.Equal("off", (string?)(await john.DeviceAsync("dev_002"))["power"]);
    }

    [Fact]
    public async Task A_cancelled_timer_does_not_fire()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");
        int before = (int)(await john.DeviceAsync("dev_003"))["volume"]!;
        Exchange set = await john.ChatAsync("in 20 min turn the kitchen display down to 10");
        Assert.Contains("set the kitchen display to volume 10", set.Text, StringComparison.Ordinal);
        Assert.Contains("Your timers: at 13:20", (await john.ChatAsync("what timers do I have", set.ConversationId)).Text, StringComparison.Ordinal);

        Exchange cancelled = await john.ChatAsync("cancel my timer", set.ConversationId);
        Assert.Equal("Cancelled: the timer to set the kitchen display to volume 10.", cancelled.Text);

        Task<JsonObject?> next = john.ReceiveAsync(TimeSpan.FromSeconds(60));
        for (int i = 0; i < 40; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(next, Task.Delay(20, TestContext.Current.CancellationToken));
        }

        Assert.False(next.IsCompleted, "Nothing should arrive for a cancelled timer.");
        await john.SendAsync(new { action = "getProfile" });
        JsonObject profile = (await next)!;
        Assert.Equal("profile", (string?)profile["type"]);
        Assert.Equal(before, (int)profile["customer"]!["devices"]!.AsArray().Single(d => (string?)d!["id"] == "dev_003")!["volume"]!);
        Assert.Equal("You have no timers set. Try \"turn off the bedroom speaker in 30 minutes\".", (await john.ChatAsync("list my timers")).Text);
    }

    [Fact]
    public async Task A_basic_customer_cannot_set_a_music_timer()
    {
        await using BotClient jane = await _server.ConnectAsync("cust_001");
        Exchange refused = await jane.ChatAsync("play some jazz in the living room in 10 minutes");

        Assert.False((bool)refused.Final["allowed"]!);
        Assert.Equal(["music_services"], refused.Final["requiredActions"]!.AsArray().Select(a => (string?)a));
        Assert.Contains("premium", refused.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Timer set", refused.Text, StringComparison.Ordinal);
        Assert.Empty(await Jobs.ListPendingAsync("cust_001", TestContext.Current.CancellationToken));

        // Power is in every plan, so her timer for it is set.
        Assert.Contains("Timer set", (await jane.ChatAsync("turn off my speaker in an hour")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_downgrade_before_the_timer_fires_refuses_it_when_it_fires()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");
        Exchange set = await john.ChatAsync("play jazz in the bedroom in 15 minutes");
        Assert.Contains("Timer set", set.Text, StringComparison.Ordinal);

        var updater = _server.Services.GetRequiredService<CustomerUpdater>();
        await updater.UpdateAsync("cust_002", c => c with { ServiceLevel = "basic" }, TestContext.Current.CancellationToken);

        List<JsonObject> fired = await AdvanceUntilAsync(john, "message", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(20));
        Assert.DoesNotContain(fired, f => (string?)f["type"] == "device");
        string text = (string)fired[^1]["message"]!;
        Assert.StartsWith("Timer: I didn't play jazz on the bedroom speaker.", text, StringComparison.Ordinal);
        Assert.Contains("isn't included in your basic plan", text, StringComparison.Ordinal);
        Assert.False((bool)fired[^1]["allowed"]!);
        Assert.Null((string?)(await john.DeviceAsync("dev_002"))["nowPlaying"]);
    }

    [Fact]
    public async Task A_weekday_routine_runs_at_the_next_weekday_seven_in_the_customers_zone_and_enqueues_the_next()
    {
        var updater = _server.Services.GetRequiredService<CustomerUpdater>();
        await updater.UpdateAsync("cust_003", c => c with
        {
            TimeZone = "America/New_York",
            Devices = c.Devices.Select(d => d.Id == "dev_004" ? d with { Power = PowerState.Off } : d).ToArray(),
        }, TestContext.Current.CancellationToken);
        await using BotClient alice = await _server.ConnectAsync("cust_003");

        Exchange created = await alice.ChatAsync("every weekday at 7:00 turn on the office speaker");
        Assert.Contains("Created the routine", created.Text, StringComparison.Ordinal);

        // Friday 08:00 in New York: the next weekday 07:00 there is Monday, 12:00 UTC (EST).
        DateTimeOffset monday = new(2026, 11, 9, 12, 0, 0, TimeSpan.Zero);
        ScheduledJob first = Assert.Single(await Jobs.ListPendingAsync("cust_003", TestContext.Current.CancellationToken));
        Assert.Equal((ScheduledJobKind.Routine, monday), (first.Kind, first.DueAt));

        _clock.Advance(monday - _clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal("off", (string?)(await alice.DeviceAsync("dev_004"))["power"]);
        await StepUntilAsync(async () => (await Jobs.ListPendingAsync("cust_003", TestContext.Current.CancellationToken)).All(j => j.DueAt > monday));

        Assert.Equal("on", (string?)(await alice.DeviceAsync("dev_004"))["power"]);
        JsonObject history = await alice.HistoryAsync(created.ConversationId);
        Assert.StartsWith("Routine \"Every weekday at 07:00\" ran on schedule.", (string?)history["messages"]!.AsArray()[^1]!["text"], StringComparison.Ordinal);
        ScheduledJob next = Assert.Single(await Jobs.ListPendingAsync("cust_003", TestContext.Current.CancellationToken));
        Assert.Equal(monday.AddDays(1), next.DueAt);
    }

    private IScheduledJobStore Jobs => _server.Services.GetRequiredService<IScheduledJobStore>();

    /// <summary>Moves the clock a step at a time (giving the runner a moment each step) until a frame of <paramref name="type"/> arrives.</summary>
    private async Task<List<JsonObject>> AdvanceUntilAsync(BotClient client, string type, TimeSpan step, TimeSpan most)
    {
        var frames = new List<JsonObject>();
        TimeSpan moved = TimeSpan.Zero;
        Task<JsonObject?> next = client.ReceiveAsync(TimeSpan.FromSeconds(60));
        while (true)
        {
            while (!next.IsCompleted && moved < most)
            {
                _clock.Advance(step);
                moved += step;
                await Task.WhenAny(next, Task.Delay(20, TestContext.Current.CancellationToken));
            }

            JsonObject frame = await next ?? throw new InvalidOperationException("The server closed the socket.");
            frames.Add(frame);
            if ((string?)frame["type"] == type)
            {
                return frames;
            }

            next = client.ReceiveAsync(TimeSpan.FromSeconds(60));
        }
    }

    private async Task StepUntilAsync(Func<Task<bool>> done)
    {
        for (int i = 0; i < 200 && !await done(); i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(await done(), "The scheduled job did not run.");
    }
}

/// <summary>A timer set before a restart fires after it, on the same database, and the reconnected customer sees it.</summary>
public sealed class TimerRestartTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"servicebot-timer-restart-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_timer_set_before_a_restart_fires_after_it_and_reaches_the_connected_customer()
    {
        var settings = new Dictionary<string, string?> { ["ServiceBot:Scheduling:MinimumDelaySeconds"] = "1" };
        string conversation;
        await using (RunningServer first = await RunningServer.StartAsync(_database, settings))
        {
            await using BotClient john = await first.ConnectAsync("cust_002");
            Exchange set = await john.ChatAsync("turn off the bedroom speaker in 6 seconds");
            Assert.Contains("Timer set", set.Text, StringComparison.Ordinal);
            conversation = set.ConversationId;
        }

        await using RunningServer second = await RunningServer.StartAsync(_database, settings);
        await using BotClient again = await second.ConnectAsync("cust_002");
        List<JsonObject> frames = await again.ReceiveUntilAsync("message");

        JsonObject device = Assert.Single(frames, f => (string?)f["type"] == "device")["device"]!.AsObject();
        Assert.Equal(("dev_002", "off"), ((string?)device["id"], (string?)device["power"]));
        Assert.Equal("Timer: Turned off the bedroom speaker.", (string?)frames[^1]["message"]);
        Assert.Equal(conversation, (string?)frames[^1]["conversationId"]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_database);
    }
}
