using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"servicebot-agent-{Guid.NewGuid():N}.db");
    private SqliteDatabase _database = null!;
    private SqliteCustomerStore _customers = null!;
    private readonly ServiceLevelCatalog _catalog = new(SeedData.Default.ServiceLevels);
    private readonly RequestAnalyzer _analyzer = new();

    public async ValueTask InitializeAsync()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path }));
        await _database.InitializeAsync(TestContext.Current.CancellationToken);
        _customers = new SqliteCustomerStore(_database);
        foreach (Customer customer in SeedData.Default.Customers)
        {
            await _customers.TryAddAsync(customer, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_path);
    }

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
}
