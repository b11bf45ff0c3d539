using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
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
}
