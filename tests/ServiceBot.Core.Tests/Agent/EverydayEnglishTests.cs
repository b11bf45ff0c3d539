using Microsoft.Extensions.Logging.Abstractions;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Seeding;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Sqlite;

namespace ServiceBot.Core.Tests.Agent;

/// <summary>
/// Everyday phrasings end to end (analyzer, offline assistant, gate, a real SQLite file), over a conversation when they
/// lean on the turn before: what the customer sees change and what the reply says.
/// </summary>
public sealed class EverydayEnglishTests : IAsyncLifetime
{
    private readonly ServiceLevelCatalog _catalog = new(SeedData.Default.ServiceLevels);
    private readonly RequestAnalyzer _analyzer = new();
    private readonly List<StoredMessage> _history = [];
    private SeededCustomers _store = null!;
    private SqliteCustomerStore _customers = null!;

    public async ValueTask InitializeAsync()
    {
        _store = await SeededCustomers.CreateAsync("everyday", TestContext.Current.CancellationToken);
        _customers = _store.Customers;
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    /// <summary>One turn of the conversation, kept (with its request type, as the chat handler stores it) for the next.</summary>
    private async Task<AgentReply> SayAsync(string customerId, string text)
    {
        Customer customer = (await _customers.GetAsync(customerId, TestContext.Current.CancellationToken))!;
        RequestAnalysis analysis = _analyzer.Analyze(text, customer, ConversationContextBuilder.From(_history, customer));
        var context = new AgentContext
        {
            Customer = customer,
            Tier = _catalog.Find(customer.ServiceLevel)!,
            Catalog = _catalog,
            ConversationId = "conv_everyday",
            Text = text,
            Analysis = analysis,
            History = _history.ToArray(),
        };
        var agent = new ChatAgent(new OfflineAgentModel(), new CustomerUpdater(_customers), TimeProvider.System, NullLoggerFactory.Instance);
        AgentReply reply = await agent.ReplyAsync(context, NoEvents.Instance, TestContext.Current.CancellationToken);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        _history.Add(new() { ConversationId = "conv_everyday", Timestamp = now, UserId = customerId, Sender = Senders.Customer, Text = text, RequestType = analysis.RequestType });
        _history.Add(new() { ConversationId = "conv_everyday", Timestamp = now.AddTicks(1), UserId = customerId, Sender = Senders.Bot, Text = reply.Text, Actions = reply.Actions });
        return reply;
    }

    private async Task<Device> DeviceAsync(string customerId, string deviceId) =>
        (await _customers.GetAsync(customerId, TestContext.Current.CancellationToken))!.FindDevice(deviceId)!;

    private async Task ChangeDeviceAsync(string customerId, string deviceId, Func<Device, Device> change)
    {
        Customer customer = (await _customers.GetAsync(customerId, TestContext.Current.CancellationToken))!;
        Assert.True(await _customers.TryReplaceAsync(customer.WithDevice(change(customer.FindDevice(deviceId)!)), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Not_hearing_a_muted_speaker_is_diagnosed_as_muted_and_its_volume_is_left_alone()
    {
        await ChangeDeviceAsync("cust_002", "dev_002", d => d with { Volume = 0 });

        AgentReply reply = await SayAsync("cust_002", "I can't hear the music in the bedroom");

        Assert.Equal(("status_check", "dev_002"), (Assert.Single(reply.Actions).Action, reply.Actions[0].DeviceId));
        Assert.Contains("It is muted (volume 0)", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, (await DeviceAsync("cust_002", "dev_002")).Volume);
    }

    [Fact]
    public async Task Not_hearing_a_speaker_that_plays_quietly_turns_it_up()
    {
        AgentReply reply = await SayAsync("cust_002", "I can't hear the music in the bedroom");

        Assert.Equal(("volume_control", "dev_002"), (Assert.Single(reply.Actions).Action, reply.Actions[0].DeviceId));
        Assert.True((await DeviceAsync("cust_002", "dev_002")).Volume > 35);
    }

    [Fact]
    public async Task A_device_restarting_by_itself_is_diagnosed_not_restarted()
    {
        AgentReply reply = await SayAsync("cust_003", "the conference room display randomly reboots");

        Assert.Equal(("status_check", "dev_005"), (Assert.Single(reply.Actions).Action, reply.Actions[0].DeviceId));
        Assert.StartsWith("Diagnostics for the conference room display", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ok_do_it_after_an_offer_to_restart_restarts_that_device()
    {
        await ChangeDeviceAsync("cust_003", "dev_004", d => d with { NowPlaying = "jazz" });
        AgentReply diagnosis = await SayAsync("cust_003", "the office speaker keeps locking up, it's frozen");
        Assert.Contains(DeviceDiagnosis.RestartOfferWords[0], diagnosis.Text, StringComparison.Ordinal);

        AgentReply restart = await SayAsync("cust_003", "ok do it");

        Assert.Equal(("device_power", "dev_004", true), (Assert.Single(restart.Actions).Action, restart.Actions[0].DeviceId, restart.Actions[0].Allowed));
        Assert.Null((await DeviceAsync("cust_003", "dev_004")).NowPlaying); // a restart ends what was playing
    }

    [Fact]
    public async Task Yes_without_an_offer_runs_nothing()
    {
        await SayAsync("cust_003", "turn off the office speaker");

        AgentReply reply = await SayAsync("cust_003", "yes");

        Assert.Empty(reply.Actions);
        Assert.Equal("off", (await DeviceAsync("cust_003", "dev_004")).Power);
    }

    [Fact]
    public async Task The_answer_to_which_device_carries_out_the_request_asked_about()
    {
        AgentReply question = await SayAsync("cust_002", "turn the volume down a bit");
        Assert.Empty(question.Actions);
        Assert.StartsWith("Which device do you mean", question.Text, StringComparison.Ordinal);

        AgentReply answered = await SayAsync("cust_002", "the kitchen one");

        Assert.Equal(("volume_control", "dev_003"), (Assert.Single(answered.Actions).Action, answered.Actions[0].DeviceId));
        Assert.True((await DeviceAsync("cust_002", "dev_003")).Volume < 60);
        Assert.Equal(35, (await DeviceAsync("cust_002", "dev_002")).Volume);
    }

    [Fact]
    public async Task Other_music_said_alone_replaces_the_music_just_started()
    {
        await SayAsync("cust_002", "play jazz in the bedroom");

        AgentReply corrected = await SayAsync("cust_002", "no, make that reggae");

        Assert.Contains(corrected.Actions, a => a is { Action: "music_services", DeviceId: "dev_002", Allowed: true });
        Assert.Equal("reggae", (await DeviceAsync("cust_002", "dev_002")).NowPlaying);
    }

    [Fact]
    public async Task Another_room_said_alone_after_a_move_is_where_the_device_goes()
    {
        await SayAsync("cust_002", "move the kitchen display to the dining room");

        AgentReply corrected = await SayAsync("cust_002", "no wait, I meant the bathroom");

        Assert.Contains(corrected.Actions, a => a is { Action: "device_relocation", DeviceId: "dev_003", Allowed: true });
        Assert.Equal("bathroom", (await DeviceAsync("cust_002", "dev_003")).Location);
    }

    [Fact]
    public async Task Everything_in_a_room_means_only_that_rooms_devices()
    {
        AgentReply reply = await SayAsync("cust_003", "switch everything off in the office");

        Assert.Equal(("device_power", "dev_004"), (Assert.Single(reply.Actions).Action, reply.Actions[0].DeviceId));
        Assert.Equal("off", (await DeviceAsync("cust_003", "dev_004")).Power);
        Assert.Equal("on", (await DeviceAsync("cust_003", "dev_005")).Power);
        Assert.Equal("on", (await DeviceAsync("cust_003", "dev_006")).Power);
    }

    [Fact]
    public async Task A_device_question_tells_its_firmware()
    {
        AgentReply reply = await SayAsync("cust_002", "what firmware does the kitchen display run");

        Assert.Contains("firmware 3.8.0", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_are_you_is_answered_with_what_the_bot_is()
    {
        AgentReply reply = await SayAsync("cust_001", "what are you?");

        Assert.Empty(reply.Actions);
        Assert.Contains("smart-home assistant", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_routine_without_its_name_deletes_the_only_one()
    {
        await SayAsync("cust_003", "every day at 8 turn on the office speaker");

        AgentReply deleted = await SayAsync("cust_003", "please remove the routine");

        Assert.True(Assert.Single(deleted.Actions).Allowed, deleted.Text);
        Assert.Empty((await _customers.GetAsync("cust_003", TestContext.Current.CancellationToken))!.Routines);
    }

    [Fact]
    public async Task Deleting_a_routine_without_its_name_among_several_asks_which_and_keeps_them()
    {
        await SayAsync("cust_003", "every day at 8 turn on the office speaker");
        await SayAsync("cust_003", "every day at 22 turn off the office speaker");

        AgentReply asked = await SayAsync("cust_003", "delete the routine");

        Assert.StartsWith("Which routine do you mean?", asked.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await _customers.GetAsync("cust_003", TestContext.Current.CancellationToken))!.Routines.Count);
    }

    [Theory]
    [InlineData("mute peters office speaker", "peters office speaker")]
    [InlineData("switch off Mary Jones's display", "Mary Jones's display")]
    public async Task Another_persons_device_named_without_apostrophe_or_in_full_is_refused_by_that_name(string text, string theirs)
    {
        AgentReply reply = await SayAsync("cust_003", text);

        Assert.Empty(reply.Actions);
        Assert.Contains($"{theirs} isn't one of them", reply.Text, StringComparison.Ordinal);
        Assert.Equal(45, (await DeviceAsync("cust_003", "dev_004")).Volume);
        Assert.Equal("on", (await DeviceAsync("cust_003", "dev_005")).Power);
    }

    private sealed class NoEvents : IAgentEventSink
    {
        public static readonly NoEvents Instance = new();

        public ValueTask TextAsync(string delta, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DeviceChangedAsync(Device device, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
