namespace ServiceBot.Server.Tests;

/// <summary>Every tier's allowed and refused actions, over a real WebSocket, with device state checked through getProfile.</summary>
public sealed class TierScenarioTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Premium_changes_volume_plays_music_and_is_refused_multi_room_with_the_upgrade()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");

        Exchange volume = await john.ChatAsync("the kitchen display is too loud, make it 20");
        Assert.Equal("message", volume.Type);
        Assert.Equal("volume_change", (string?)volume.Final["requestType"]);
        Assert.True((bool)volume.Final["allowed"]!);
        Assert.Contains(volume.Executed, a => (string?)a["deviceId"] == "dev_003" && (string?)a["action"] == "volume_control");
        Assert.Contains(volume.Devices, d => (string?)d["id"] == "dev_003" && (int)d["volume"]! == 20);
        Assert.Equal(20, (int)(await john.DeviceAsync("dev_003"))["volume"]!);
        Assert.Empty(volume.Deltas); // an offline reply is whole at once: ack, the device change, then the message

        Exchange jazz = await john.ChatAsync("play some jazz in the bedroom", volume.ConversationId);
        Assert.Contains(jazz.Executed, a => (string?)a["deviceId"] == "dev_002");
        Assert.Equal("jazz", (string?)(await john.DeviceAsync("dev_002"))["nowPlaying"]);

        Exchange everywhere = await john.ChatAsync("play it in every room", volume.ConversationId);
        Assert.Equal("multi_room_setup", (string?)everywhere.Final["requestType"]);
        Assert.False((bool)everywhere.Final["allowed"]!);
        Assert.Empty(everywhere.Executed);
        Assert.Contains("enterprise", everywhere.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null((string?)(await john.DeviceAsync("dev_003"))["nowPlaying"]);
    }

    [Fact]
    public async Task Basic_controls_volume_and_power_but_music_and_moving_need_premium()
    {
        await using BotClient jane = await _server.ConnectAsync("cust_001");

        Exchange volume = await jane.ChatAsync("set the volume to 30");
        Assert.Contains(volume.Executed, a => (string?)a["deviceId"] == "dev_001");
        Assert.Equal(30, (int)(await jane.DeviceAsync("dev_001"))["volume"]!);

        Exchange off = await jane.ChatAsync("turn off my speaker");
        Assert.Contains(off.Executed, a => (string?)a["action"] == "device_power");
        Assert.Equal("off", (string?)(await jane.DeviceAsync("dev_001"))["power"]);

        Exchange music = await jane.ChatAsync("play some jazz");
        Assert.False((bool)music.Final["allowed"]!);
        Assert.Contains(music.Refused, a => (string?)a["action"] == "music_services");
        Assert.Contains("premium", music.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null((string?)(await jane.DeviceAsync("dev_001"))["nowPlaying"]);

        Exchange move = await jane.ChatAsync("move my speaker to the kitchen");
        Assert.Contains(move.Refused, a => (string?)a["action"] == "device_relocation");
        Assert.Contains("premium", move.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("living_room", (string?)(await jane.DeviceAsync("dev_001"))["location"]);
    }

    [Fact]
    public async Task Enterprise_groups_rooms_makes_routines_and_a_hub_cannot_play()
    {
        await using BotClient alice = await _server.ConnectAsync("cust_003");

        Exchange group = await alice.ChatAsync("play jazz in every room");
        Assert.True((bool)group.Final["allowed"]!);
        Assert.Equal(["dev_004", "dev_005"], group.Executed.Select(a => (string?)a["deviceId"]).Order());
        Assert.Equal("jazz", (string?)(await alice.DeviceAsync("dev_004"))["nowPlaying"]);
        Assert.Equal("jazz", (string?)(await alice.DeviceAsync("dev_005"))["nowPlaying"]);

        Exchange hub = await alice.ChatAsync("play some rock on the reception hub");
        Assert.Empty(hub.Executed);
        Assert.Contains("no speaker", hub.Text, StringComparison.OrdinalIgnoreCase);

        Exchange routine = await alice.ChatAsync("every weekday at 7 turn on the office speaker");
        Assert.Equal("custom_routine", (string?)routine.Final["requestType"]);
        Assert.Contains(routine.Executed, a => (string?)a["action"] == "custom_actions");

        Exchange list = await alice.ChatAsync("what routines do I have?");
        Assert.Contains("07:00", list.Text);
    }

    [Fact]
    public async Task A_customerId_inside_a_frame_is_ignored()
    {
        await using BotClient jane = await _server.ConnectAsync("cust_001");

        await jane.SendAsync(new { action = "getProfile", customerId = "cust_003" });
        var profile = (await jane.ReceiveUntilAsync("profile"))[^1];
        Assert.Equal("cust_001", (string?)profile["customer"]!["id"]);

        await jane.SendAsync(new { action = "sendMessage", message = "turn off the office speaker", customerId = "cust_003" });
        Exchange attempt = new(await jane.ReceiveUntilAsync("message", "error"));
        Assert.DoesNotContain(attempt.Executed, a => (string?)a["deviceId"] == "dev_004");

        await using BotClient alice = await _server.ConnectAsync("cust_003");
        Assert.Equal("on", (string?)(await alice.DeviceAsync("dev_004"))["power"]);
    }

    [Fact]
    public async Task An_ambiguous_device_gets_a_question_naming_the_candidates()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");
        Exchange question = await john.ChatAsync("turn it off");
        Assert.Empty(question.Executed);
        Assert.Contains("bedroom", question.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("kitchen", question.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Greetings_reflect_the_tier()
    {
        await using BotClient jane = await _server.ConnectAsync("cust_001");
        Exchange hello = await jane.ChatAsync("hi there");
        Assert.Contains("basic", hello.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(hello.Final["requestType"]?.GetValue<string>());
        Assert.True((bool)hello.Final["allowed"]!);

        Exchange what = await jane.ChatAsync("what can you do?");
        Assert.Contains("premium", what.Text, StringComparison.OrdinalIgnoreCase);
    }
}
