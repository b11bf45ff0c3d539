using Microsoft.Extensions.Logging.Abstractions;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.Seeding;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Sqlite;

namespace ServiceBot.Core.Tests.Agent;

/// <summary>The agent loop with the offline assistant, on a real SQLite file: tools, gate, events and the reply.</summary>
public sealed class OfflineAgentTests : IAsyncLifetime
{
    private SeededCustomers _store = null!;
    private SqliteCustomerStore _customers = null!;
    private readonly ServiceLevelCatalog _catalog = new(SeedData.Default.ServiceLevels);
    private readonly RequestAnalyzer _analyzer = new();

    public async ValueTask InitializeAsync()
    {
        _store = await SeededCustomers.CreateAsync("agent", TestContext.Current.CancellationToken);
        _customers = _store.Customers;
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private sealed class RecordingEvents : IAgentEventSink
    {
        public List<string> Text { get; } = [];
        public List<Device> Devices { get; } = [];

        public ValueTask TextAsync(string delta, CancellationToken cancellationToken)
        {
            Text.Add(delta);
            return ValueTask.CompletedTask;
        }

        public ValueTask DeviceChangedAsync(Device device, CancellationToken cancellationToken)
        {
            Devices.Add(device);
            return ValueTask.CompletedTask;
        }
    }

    private async Task<(AgentReply Reply, RecordingEvents Events)> AskAsync(string customerId, string text, IReadOnlyList<StoredMessage>? history = null)
    {
        Customer customer = (await _customers.GetAsync(customerId, TestContext.Current.CancellationToken))!;
        var context = new AgentContext
        {
            Customer = customer,
            Tier = _catalog.Find(customer.ServiceLevel)!,
            Catalog = _catalog,
            ConversationId = "conv_test",
            Text = text,
            Analysis = _analyzer.Analyze(text, customer, ConversationContextBuilder.From(history ?? [], customer)),
            History = history ?? [],
        };
        var agent = new ChatAgent(new OfflineAgentModel(), new CustomerUpdater(_customers), TimeProvider.System, NullLoggerFactory.Instance);
        var events = new RecordingEvents();
        AgentReply reply = await agent.ReplyAsync(context, events, TestContext.Current.CancellationToken);
        return (reply, events);
    }

    [Fact]
    public async Task An_allowed_change_runs_is_recorded_pushed_and_stored()
    {
        (AgentReply reply, RecordingEvents events) = await AskAsync("cust_002", "the kitchen display is too loud, make it 20");

        ActionRecord action = Assert.Single(reply.Actions);
        Assert.Equal(new ActionRecord("volume_control", "dev_003", true, action.Result), action);
        Assert.Equal(20, Assert.Single(events.Devices).Volume);
        Assert.Equal(20, (await _customers.GetAsync("cust_002", TestContext.Current.CancellationToken))!.FindDevice("dev_003")!.Volume);
        Assert.Empty(events.Text); // the offline assistant answers at once: its words come whole in the final message
        Assert.Contains("20", reply.Text);
        Assert.Equal("offline", reply.Source);
    }

    [Fact]
    public async Task A_refused_action_changes_nothing_and_the_reply_names_the_upgrade()
    {
        (AgentReply reply, RecordingEvents events) = await AskAsync("cust_001", "play some jazz");

        ActionRecord refused = Assert.Single(reply.Actions);
        Assert.False(refused.Allowed);
        Assert.Equal("music_services", refused.Action);
        Assert.Empty(events.Devices);
        Assert.Contains("premium", reply.Text);
        Assert.Null((await _customers.GetAsync("cust_001", TestContext.Current.CancellationToken))!.Devices[0].NowPlaying);
    }

    [Fact]
    public async Task A_routine_is_created_listed_run_through_the_gate_and_deleted()
    {
        (AgentReply created, _) = await AskAsync("cust_003", "every weekday at 7 turn on the office speaker");
        Assert.True(Assert.Single(created.Actions).Allowed, created.Text);
        Routine routine = Assert.Single((await _customers.GetAsync("cust_003", TestContext.Current.CancellationToken))!.Routines);
        Assert.Equal("07:00", routine.Schedule!.Time);
        Assert.Equal(5, routine.Schedule.Days.Count);

        await AskAsync("cust_003", "turn off the office speaker");
        (AgentReply ran, RecordingEvents events) = await AskAsync("cust_003", $"run the {routine.Name} routine");
        Assert.Contains(ran.Actions, a => a.Action == "device_power" && a.DeviceId == "dev_004" && a.Allowed);
        Assert.Equal("on", Assert.Single(events.Devices).Power);

        (AgentReply deleted, _) = await AskAsync("cust_003", $"delete the {routine.Name} routine");
        Assert.True(Assert.Single(deleted.Actions).Allowed, deleted.Text);
        Assert.Empty((await _customers.GetAsync("cust_003", TestContext.Current.CancellationToken))!.Routines);
    }

    [Fact]
    public async Task An_account_keeps_at_most_twenty_routines()
    {
        Customer alice = (await _customers.GetAsync("cust_003", TestContext.Current.CancellationToken))!;
        Routine[] full = Enumerable.Range(1, CustomerLimits.MaxRoutines).Select(i => new Routine
        {
            Id = $"rt_{i}",
            Name = $"Routine {i}",
            Phrase = $"phrase {i}",
            Steps = [new RoutineStep { Tool = "set_power", DeviceId = "dev_004", Power = "on" }],
            CreatedAt = DateTimeOffset.UtcNow,
        }).ToArray();
        Assert.True(await _customers.TryReplaceAsync(alice with { Routines = full }, TestContext.Current.CancellationToken));

        (AgentReply refused, _) = await AskAsync("cust_003", "every day at 6 turn on the office speaker");

        ActionRecord create = Assert.Single(refused.Actions);
        Assert.False(create.Allowed);
        Assert.Contains("Delete one", refused.Text);
        Assert.Equal(CustomerLimits.MaxRoutines, (await _customers.GetAsync("cust_003", TestContext.Current.CancellationToken))!.Routines.Count);
    }

    [Fact]
    public async Task Make_it_louder_follows_the_device_of_the_last_turn()
    {
        (AgentReply first, _) = await AskAsync("cust_002", "play some jazz in the bedroom");
        var history = new List<StoredMessage>
        {
            new() { ConversationId = "conv_test", Timestamp = DateTimeOffset.UtcNow, UserId = "cust_002", Sender = Senders.Bot, Text = first.Text, Actions = first.Actions },
        };

        int before = (await _customers.GetAsync("cust_002", TestContext.Current.CancellationToken))!.FindDevice("dev_002")!.Volume;
        (AgentReply louder, _) = await AskAsync("cust_002", "make it louder", history);
        Assert.Contains(louder.Actions, a => a.DeviceId == "dev_002" && a.Allowed);
        Assert.True((await _customers.GetAsync("cust_002", TestContext.Current.CancellationToken))!.FindDevice("dev_002")!.Volume > before);
    }

    private async Task ChangeDeviceAsync(string customerId, string deviceId, Func<Device, Device> change)
    {
        Customer customer = (await _customers.GetAsync(customerId, TestContext.Current.CancellationToken))!;
        Assert.True(await _customers.TryReplaceAsync(customer.WithDevice(change(customer.FindDevice(deviceId)!)), TestContext.Current.CancellationToken));
    }

    private async Task<Device> StoredDeviceAsync(string customerId, string deviceId) =>
        (await _customers.GetAsync(customerId, TestContext.Current.CancellationToken))!.FindDevice(deviceId)!;

    [Fact]
    public async Task No_sound_from_a_muted_speaker_is_answered_with_the_mute()
    {
        await ChangeDeviceAsync("cust_001", "dev_001", d => d with { Volume = 0 });

        (AgentReply reply, RecordingEvents events) = await AskAsync("cust_001", "there's no sound from my speaker");

        Assert.Equal(new ActionRecord("status_check", "dev_001", true, Assert.Single(reply.Actions).Result), reply.Actions[0]);
        Assert.Contains("It is muted (volume 0)", reply.Text, StringComparison.Ordinal);
        Assert.Empty(events.Devices); // a diagnosis looks, it changes nothing
        Assert.Equal(0, (await StoredDeviceAsync("cust_001", "dev_001")).Volume);
    }

    [Fact]
    public async Task An_offline_device_is_reported_offline_with_when_it_was_last_seen()
    {
        await ChangeDeviceAsync("cust_002", "dev_002", d => d with { Status = DeviceStatus.Offline, LastSeen = DateTimeOffset.UtcNow.AddHours(-2).AddMinutes(-5) });

        (AgentReply reply, _) = await AskAsync("cust_002", "why is my bedroom speaker not working?");

        Assert.True(Assert.Single(reply.Actions).Allowed, reply.Text);
        Assert.Contains("offline, last seen 2 hours ago: check its power and Wi-Fi", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_signal_is_named_with_what_to_do()
    {
        (AgentReply reply, _) = await AskAsync("cust_003", "the reception hub keeps dropping wifi");

        Assert.Contains("Wi-Fi signal is weak: move it closer to the router", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_that_looks_fine_gets_steps_and_an_offer_to_restart_it()
    {
        (AgentReply reply, RecordingEvents events) = await AskAsync("cust_002", "the kitchen display is frozen");

        Assert.Contains("a restart usually clears it", reply.Text, StringComparison.Ordinal);
        Assert.Contains("say \"restart the kitchen display\"", reply.Text, StringComparison.Ordinal);
        Assert.Empty(events.Devices);
    }

    [Fact]
    public async Task Restart_brings_the_device_back_on_and_online_and_pushes_it()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow;
        await ChangeDeviceAsync("cust_002", "dev_003", d => d with { Power = PowerState.Off, Status = DeviceStatus.Offline, LastSeen = before.AddDays(-1) });

        (AgentReply reply, RecordingEvents events) = await AskAsync("cust_002", "restart the kitchen display");

        Assert.Equal(new ActionRecord("device_power", "dev_003", true, Assert.Single(reply.Actions).Result), reply.Actions[0]);
        Device pushed = Assert.Single(events.Devices);
        Assert.Equal((PowerState.On, DeviceStatus.Online), (pushed.Power, pushed.Status));
        Assert.True(pushed.LastSeen >= before);
        Assert.Equal(pushed, await StoredDeviceAsync("cust_002", "dev_003"));
        Assert.Contains("Restarted the kitchen display", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ToolNames.DiagnoseDevice)]
    [InlineData(ToolNames.RestartDevice)]
    public async Task Another_customers_device_is_refused_and_left_as_it_is(string tool)
    {
        Device alices = await StoredDeviceAsync("cust_003", "dev_004");
        Customer jane = (await _customers.GetAsync("cust_001", TestContext.Current.CancellationToken))!;
        var context = new AgentContext
        {
            Customer = jane,
            Tier = _catalog.Find(jane.ServiceLevel)!,
            Catalog = _catalog,
            ConversationId = "conv_test",
            Text = "",
            Analysis = new RequestAnalysis { Intent = Intent.Unknown },
            History = [],
        };
        var events = new RecordingEvents();
        var toolbox = new DeviceToolbox(context, new CustomerUpdater(_customers), events, TimeProvider.System);

        ToolOutcome outcome = await toolbox.ExecuteAsync(new DeviceCommand { Tool = tool, DeviceIds = ["dev_004"] }, TestContext.Current.CancellationToken);

        Assert.False(outcome.Executed);
        Assert.Contains("There is no device \"dev_004\" on your account", outcome.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Office Speaker", outcome.Message, StringComparison.Ordinal);
        Assert.False(Assert.Single(toolbox.Actions).Allowed);
        Assert.Empty(events.Devices);
        Assert.Equal(alices, await StoredDeviceAsync("cust_003", "dev_004"));
    }

    [Fact]
    public async Task A_request_outside_smart_home_support_is_declined_and_runs_nothing()
    {
        (AgentReply reply, RecordingEvents events) = await AskAsync("cust_002", "book me a flight to Paris");

        Assert.Empty(reply.Actions);
        Assert.Empty(events.Devices);
        Assert.StartsWith("Sorry, I can't help with bookings and travel", reply.Text, StringComparison.Ordinal);
        Assert.Contains("On your premium plan I can help with", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_it_after_a_diagnosis_restarts_the_device_just_diagnosed()
    {
        (AgentReply diagnosis, _) = await AskAsync("cust_002", "the kitchen display keeps freezing");
        var history = new List<StoredMessage>
        {
            new() { ConversationId = "conv_test", Timestamp = DateTimeOffset.UtcNow, UserId = "cust_002", Sender = Senders.Bot, Text = diagnosis.Text, Actions = diagnosis.Actions },
        };

        (AgentReply restart, RecordingEvents events) = await AskAsync("cust_002", "yes please restart it", history);

        Assert.Equal(("device_power", "dev_003", true), (Assert.Single(restart.Actions).Action, restart.Actions[0].DeviceId, restart.Actions[0].Allowed));
        Assert.Equal("dev_003", Assert.Single(events.Devices).Id);
    }

    // ---- compound messages: every request carried out or answered, each with its own values ----

    [Theory]
    [InlineData("set the bedroom speaker to 20 and the kitchen display to 40")]
    [InlineData("set the bedroom to 20 and the kitchen to 40")]
    public async Task Two_volumes_in_one_message_each_go_to_their_own_device(string text)
    {
        (AgentReply reply, _) = await AskAsync("cust_002", text);

        Assert.Equal(2, reply.Actions.Count(a => a.Allowed && a.Action == "volume_control"));
        Assert.Equal(20, (await StoredDeviceAsync("cust_002", "dev_002")).Volume);
        Assert.Equal(40, (await StoredDeviceAsync("cust_002", "dev_003")).Volume);
        Assert.Contains("20", reply.Text, StringComparison.Ordinal);
        Assert.Contains("40", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Power_and_music_in_one_message_both_run()
    {
        (AgentReply reply, _) = await AskAsync("cust_002", "turn off the bedroom speaker and play jazz in the kitchen");

        Assert.Contains(reply.Actions, a => a is { Action: "device_power", DeviceId: "dev_002", Allowed: true });
        Assert.Contains(reply.Actions, a => a is { Action: "music_services", DeviceId: "dev_003", Allowed: true });
        Assert.Equal(PowerState.Off, (await StoredDeviceAsync("cust_002", "dev_002")).Power);
        Assert.Equal("jazz", (await StoredDeviceAsync("cust_002", "dev_003")).NowPlaying, ignoreCase: true);
    }

    [Fact]
    public async Task A_change_and_a_question_in_one_message_are_both_answered()
    {
        (AgentReply reply, _) = await AskAsync("cust_002", "mute the kitchen and what's the bedroom speaker's volume?");

        Assert.Contains(reply.Actions, a => a is { Action: "volume_control", DeviceId: "dev_003", Allowed: true });
        Assert.Contains(reply.Actions, a => a is { Action: "status_check", DeviceId: "dev_002", Allowed: true });
        Assert.Equal(0, (await StoredDeviceAsync("cust_002", "dev_003")).Volume);
        int bedroom = (await StoredDeviceAsync("cust_002", "dev_002")).Volume;
        Assert.Contains(bedroom.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tier_refusal_of_one_part_does_not_hide_the_other()
    {
        (AgentReply reply, _) = await AskAsync("cust_001", "set the speaker to 25 and play some jazz");

        Assert.Contains(reply.Actions, a => a is { Action: "volume_control", DeviceId: "dev_001", Allowed: true });
        Assert.Contains(reply.Actions, a => a is { Action: "music_services", Allowed: false });
        Assert.Equal(25, (await StoredDeviceAsync("cust_001", "dev_001")).Volume);
        Assert.Null((await StoredDeviceAsync("cust_001", "dev_001")).NowPlaying);
        Assert.Contains("25", reply.Text, StringComparison.Ordinal);
        Assert.Contains("premium", reply.Text, StringComparison.Ordinal);
    }

    // ---- corrections in the next message ----

    private async Task<List<StoredMessage>> TurnAsync(string customerId, string text)
    {
        (AgentReply reply, _) = await AskAsync(customerId, text);
        return
        [
            new() { ConversationId = "conv_test", Timestamp = DateTimeOffset.UtcNow, UserId = customerId, Sender = Senders.Customer, Text = text },
            new() { ConversationId = "conv_test", Timestamp = DateTimeOffset.UtcNow, UserId = customerId, Sender = Senders.Bot, Text = reply.Text, Actions = reply.Actions },
        ];
    }

    [Fact]
    public async Task Sorry_I_mean_30_redoes_the_last_volume_change_with_30()
    {
        List<StoredMessage> history = await TurnAsync("cust_002", "set the kitchen display to 20");

        (AgentReply corrected, _) = await AskAsync("cust_002", "sorry, I mean 30", history);

        Assert.Equal(("volume_control", "dev_003", true), (Assert.Single(corrected.Actions).Action, corrected.Actions[0].DeviceId, corrected.Actions[0].Allowed));
        Assert.Equal(30, (await StoredDeviceAsync("cust_002", "dev_003")).Volume);
        Assert.Contains("30", corrected.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_the_kitchen_the_bedroom_redoes_the_last_action_on_the_other_device()
    {
        List<StoredMessage> history = await TurnAsync("cust_002", "turn off the kitchen display");

        (AgentReply corrected, _) = await AskAsync("cust_002", "not the kitchen, the bedroom", history);

        Assert.Equal(("device_power", "dev_002", true), (Assert.Single(corrected.Actions).Action, corrected.Actions[0].DeviceId, corrected.Actions[0].Allowed));
        Assert.Equal(PowerState.Off, (await StoredDeviceAsync("cust_002", "dev_002")).Power);
    }

    // ---- other people's devices ----

    [Theory]
    [InlineData("cust_001", "turn off Alice's speaker", "Alice's speaker")]
    [InlineData("cust_003", "turn off Jane's speaker", "Jane's speaker")]
    [InlineData("cust_002", "set alice's office speaker to 10", "alice's office speaker")]
    public async Task Another_persons_device_is_refused_by_name_and_nothing_changes(string customerId, string text, string theirs)
    {
        Customer before = (await _customers.GetAsync(customerId, TestContext.Current.CancellationToken))!;

        (AgentReply reply, RecordingEvents events) = await AskAsync(customerId, text);

        Assert.Empty(reply.Actions);
        Assert.Empty(events.Devices);
        Assert.Contains($"I can only control devices on your own account; {theirs} isn't one of them", reply.Text, StringComparison.Ordinal);
        Customer after = (await _customers.GetAsync(customerId, TestContext.Current.CancellationToken))!;
        Assert.Equal(before.Devices.Select(d => (d.Id, d.Power, d.Volume)), after.Devices.Select(d => (d.Id, d.Power, d.Volume)));
    }

    [Theory]
    [InlineData("turn off Jane's speaker")]
    [InlineData("turn off my speaker")]
    public async Task A_possessive_naming_the_customer_is_their_own_device(string text)
    {
        (AgentReply reply, _) = await AskAsync("cust_001", text);

        Assert.Contains(reply.Actions, a => a is { Action: "device_power", DeviceId: "dev_001", Allowed: true });
        Assert.Equal(PowerState.Off, (await StoredDeviceAsync("cust_001", "dev_001")).Power);
    }
}
