using ServiceBot.Core.Connections;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Seeding;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Testing;

/// <summary>
/// What every store must do, whatever it runs on: one abstract suite, one fixture per store
/// (SQLite here; DynamoDB joins with its own subclass).
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    // A week ahead of the real clock, on the hour: DynamoDB (and DynamoDB Local) delete rows whose ttl has passed in real
    // time, so a fixed date turned the connection rows of these tests into rows the database reaps by itself once it
    // was past.
    private static readonly DateTimeOffset T0 = new(DateTime.UtcNow.Date.AddDays(7).AddHours(12), TimeSpan.Zero);

    protected abstract Task<StoreSet> OpenAsync();

    protected StoreSet Stores { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Stores = await OpenAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_in_the_same_tick_are_both_kept()
    {
        var log = new ConversationLog(Stores.Messages);
        StoredMessage first = Message("conv_a", T0, "cust_002", "first");
        StoredMessage second = Message("conv_a", T0, "cust_002", "second");

        StoredMessage[] stored = await Task.WhenAll(log.AppendAsync(first, Ct), log.AppendAsync(second, Ct));

        Assert.NotEqual(stored[0].Timestamp, stored[1].Timestamp);
        IReadOnlyList<StoredMessage> conversation = await Stores.Messages.GetConversationAsync("conv_a", 10, Ct);
        Assert.Equal(["first", "second"], conversation.Select(m => m.Text).Order());
    }

    [Fact]
    public async Task A_taken_key_is_refused_and_not_overwritten()
    {
        Assert.True(await Stores.Messages.TryAddAsync(Message("conv_b", T0, "cust_001", "original"), Ct));
        Assert.False(await Stores.Messages.TryAddAsync(Message("conv_b", T0, "cust_001", "intruder"), Ct));

        StoredMessage only = Assert.Single(await Stores.Messages.GetConversationAsync("conv_b", 10, Ct));
        Assert.Equal("original", only.Text);
    }

    [Fact]
    public async Task A_message_reads_back_with_every_field()
    {
        var message = new StoredMessage
        {
            ConversationId = "conv_c",
            Timestamp = T0.AddTicks(1234567),
            UserId = "cust_003",
            Sender = Senders.Bot,
            Text = "Now playing jazz.",
            RequestType = "play_music",
            RequiredActions = ["music_services"],
            Allowed = true,
            Actions = [new ActionRecord("music_services", "dev_004", true, "Now playing jazz on the office speaker.")],
            Source = "offline",
            ClientMessageId = "cm-1",
            Usage = new TokenUsage(10, 20, 5, 1),
            Language = "es",
        };
        await Stores.Messages.TryAddAsync(message, Ct);

        StoredMessage read = Assert.Single(await Stores.Messages.GetConversationAsync("conv_c", 10, Ct));
        Assert.Equal(message.Timestamp, read.Timestamp);
        Assert.Equal(message.Actions, read.Actions);
        Assert.Equal(message.RequiredActions, read.RequiredActions);
        Assert.Equal(message with { Actions = read.Actions, RequiredActions = read.RequiredActions }, read);
    }

    [Fact]
    public async Task A_message_stored_without_a_language_reads_back_without_one()
    {
        await Stores.Messages.TryAddAsync(Message("conv_nolang", T0, "cust_003", "turn it off"), Ct);

        StoredMessage read = Assert.Single(await Stores.Messages.GetConversationAsync("conv_nolang", 10, Ct));
        Assert.Null(read.Language);
    }

    [Fact]
    public async Task Conversation_reads_the_latest_messages_oldest_first()
    {
        for (int i = 0; i < 5; i++)
        {
            await Stores.Messages.TryAddAsync(Message("conv_d", T0.AddSeconds(i), "cust_001", $"m{i}"), Ct);
        }

        IReadOnlyList<StoredMessage> latest = await Stores.Messages.GetConversationAsync("conv_d", 3, Ct);
        Assert.Equal(["m2", "m3", "m4"], latest.Select(m => m.Text));
    }

    [Fact]
    public async Task UserIdIndex_lists_a_customers_messages_across_conversations_newest_first()
    {
        await Stores.Messages.TryAddAsync(Message("conv_e1", T0.AddSeconds(1), "cust_user", "one"), Ct);
        await Stores.Messages.TryAddAsync(Message("conv_e2", T0.AddSeconds(3), "cust_user", "three"), Ct);
        await Stores.Messages.TryAddAsync(Message("conv_e1", T0.AddSeconds(2), "cust_user", "two"), Ct);
        await Stores.Messages.TryAddAsync(Message("conv_e3", T0.AddSeconds(4), "cust_other", "not theirs"), Ct);

        IReadOnlyList<StoredMessage> mine = await Stores.Messages.GetByUserAsync("cust_user", 10, Ct);
        Assert.Equal(["three", "two", "one"], mine.Select(m => m.Text));
        Assert.Equal(["three"], (await Stores.Messages.GetByUserAsync("cust_user", 1, Ct)).Select(m => m.Text));
    }

    [Fact]
    public async Task Client_message_ids_are_found_per_customer()
    {
        await Stores.Messages.TryAddAsync(Message("conv_f", T0, "cust_f", "asked") with { ClientMessageId = "key-1" }, Ct);
        await Stores.Messages.TryAddAsync(Message("conv_f", T0.AddSeconds(1), "cust_f", "answered") with { ClientMessageId = "key-1", Sender = Senders.Bot }, Ct);
        await Stores.Messages.TryAddAsync(Message("conv_g", T0, "cust_other", "same key, other customer") with { ClientMessageId = "key-1" }, Ct);

        IReadOnlyList<StoredMessage> found = await Stores.Messages.FindByClientMessageIdAsync("cust_f", "key-1", null, Ct);
        Assert.Equal(["asked", "answered"], found.Select(m => m.Text));
        Assert.Empty(await Stores.Messages.FindByClientMessageIdAsync("cust_f", "key-2", null, Ct));
    }

    [Fact]
    public async Task Client_message_ids_are_found_in_the_conversation_named()
    {
        await Stores.Messages.TryAddAsync(Message("conv_k1", T0, "cust_k", "first conversation") with { ClientMessageId = "key-1" }, Ct);
        await Stores.Messages.TryAddAsync(Message("conv_k2", T0.AddSeconds(1), "cust_k", "second conversation") with { ClientMessageId = "key-1" }, Ct);

        Assert.Equal(["second conversation"], (await Stores.Messages.FindByClientMessageIdAsync("cust_k", "key-1", "conv_k2", Ct)).Select(m => m.Text));
        Assert.Equal(2, (await Stores.Messages.FindByClientMessageIdAsync("cust_k", "key-1", null, Ct)).Count);
        Assert.Empty(await Stores.Messages.FindByClientMessageIdAsync("cust_other", "key-1", "conv_k2", Ct));
    }

    [Fact]
    public async Task A_conversation_read_before_new_messages_shows_them_afterwards()
    {
        await Stores.Messages.TryAddAsync(Message("conv_live", T0, "cust_live", "one"), Ct);
        Assert.Equal(["one"], (await Stores.Messages.GetConversationAsync("conv_live", 20, Ct)).Select(m => m.Text));
        Assert.Empty(await Stores.Messages.FindByClientMessageIdAsync("cust_live", "key-2", "conv_live", Ct));

        await Stores.Messages.TryAddAsync(Message("conv_live", T0.AddSeconds(2), "cust_live", "three") with { ClientMessageId = "key-2" }, Ct);
        await Stores.Messages.TryAddAsync(Message("conv_live", T0.AddSeconds(1), "cust_live", "two"), Ct);

        Assert.Equal(["one", "two", "three"], (await Stores.Messages.GetConversationAsync("conv_live", 20, Ct)).Select(m => m.Text));
        Assert.Equal(["three"], (await Stores.Messages.FindByClientMessageIdAsync("cust_live", "key-2", "conv_live", Ct)).Select(m => m.Text));
    }

    [Fact]
    public async Task A_long_conversation_reads_its_newest_messages_and_finds_its_oldest_keys()
    {
        for (int i = 0; i < 90; i++)
        {
            await Stores.Messages.TryAddAsync(Message("conv_long", T0.AddSeconds(i), "cust_long", $"m{i}") with { ClientMessageId = $"key-{i}" }, Ct);
        }

        Assert.Equal(Enumerable.Range(70, 20).Select(i => $"m{i}"), (await Stores.Messages.GetConversationAsync("conv_long", 20, Ct)).Select(m => m.Text));
        Assert.Equal(Enumerable.Range(0, 90).Select(i => $"m{i}"), (await Stores.Messages.GetConversationAsync("conv_long", 200, Ct)).Select(m => m.Text));
        await Stores.Messages.TryAddAsync(Message("conv_long", T0.AddSeconds(90), "cust_long", "m90"), Ct);
        Assert.Equal(Enumerable.Range(71, 20).Select(i => $"m{i}"), (await Stores.Messages.GetConversationAsync("conv_long", 20, Ct)).Select(m => m.Text));
        Assert.Equal(["m0"], (await Stores.Messages.FindByClientMessageIdAsync("cust_long", "key-0", "conv_long", Ct)).Select(m => m.Text));
    }

    [Fact]
    public async Task Parallel_updates_to_one_customer_are_all_kept()
    {
        Customer jane = SeedData.Default.Customers[0] with { Id = "cust_parallel", Routines = [] };
        Assert.True(await Stores.Customers.TryAddAsync(jane, Ct));
        var updater = new CustomerUpdater(Stores.Customers);

        // Twenty writers each add their own routine at once: every one must survive.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => updater.UpdateAsync("cust_parallel", c => c with
        {
            Routines = [.. c.Routines, new Routine { Id = $"rt_{i}", Name = $"r{i}", Phrase = $"p{i}", Steps = [], CreatedAt = T0 }],
        }, Ct)));

        Customer stored = (await Stores.Customers.GetAsync("cust_parallel", Ct))!;
        Assert.Equal(20, stored.Routines.Count);
        Assert.Equal(20, stored.Version);
    }

    [Fact]
    public async Task A_stale_version_is_refused()
    {
        Customer john = SeedData.Default.Customers[1] with { Id = "cust_stale" };
        await Stores.Customers.TryAddAsync(john, Ct);
        Customer read = (await Stores.Customers.GetAsync("cust_stale", Ct))!;

        Assert.True(await Stores.Customers.TryReplaceAsync(read with { Name = "First" }, Ct));
        Assert.False(await Stores.Customers.TryReplaceAsync(read with { Name = "Second" }, Ct));
        Assert.Equal("First", (await Stores.Customers.GetAsync("cust_stale", Ct))!.Name);
    }

    [Fact]
    public async Task Adding_a_customer_twice_keeps_the_first()
    {
        Customer alice = SeedData.Default.Customers[2] with { Id = "cust_twice" };
        Assert.True(await Stores.Customers.TryAddAsync(alice, Ct));
        Assert.False(await Stores.Customers.TryAddAsync(alice with { Name = "Someone Else" }, Ct));
        Assert.Equal(alice.Name, (await Stores.Customers.GetAsync("cust_twice", Ct))!.Name);
        Assert.Contains(await Stores.Customers.ListAsync(Ct), c => c.Id == "cust_twice");
        Assert.Equal(alice.Devices, (await Stores.Customers.GetAsync("cust_twice", Ct))!.Devices);
    }

    [Fact]
    public async Task Device_diagnostics_round_trip_and_a_device_without_them_reads_as_unknown()
    {
        Customer jane = SeedData.Default.Customers[0];
        Device diagnosed = jane.Devices[0] with { Signal = WifiSignal.Weak, Firmware = "4.3.0-beta", LastSeen = T0.AddTicks(1234567) };
        Device plain = diagnosed with { Id = "dev_plain", Signal = null, Firmware = null, LastSeen = null };
        Assert.True(await Stores.Customers.TryAddAsync(jane with { Id = "cust_diagnosed", Devices = [diagnosed, plain], Routines = [] }, Ct));

        Assert.Equal([diagnosed, plain], (await Stores.Customers.GetAsync("cust_diagnosed", Ct))!.Devices);
    }

    [Fact]
    public async Task Service_levels_round_trip()
    {
        foreach (ServiceLevel level in SeedData.Default.ServiceLevels)
        {
            await Stores.ServiceLevels.PutAsync(level, Ct);
        }

        ServiceLevel premium = (await Stores.ServiceLevels.GetAsync("premium", Ct))!;
        Assert.Equal(3, premium.MaxDevices);
        Assert.Contains("music_services", premium.AllowedActions);
        Assert.Equal(3, (await Stores.ServiceLevels.ListAsync(Ct)).Count);
        Assert.Null(await Stores.ServiceLevels.GetAsync("platinum", Ct));
    }

    [Fact]
    public async Task Connections_expire_by_ttl_and_are_swept()
    {
        await Stores.Connections.AddAsync(new Connection("c-live", "cust_001", T0, T0.AddHours(24)), Ct);
        await Stores.Connections.AddAsync(new Connection("c-old", "cust_001", T0.AddHours(-25), T0.AddHours(-1)), Ct);

        Assert.NotNull(await Stores.Connections.GetAsync("c-live", T0, Ct));
        Assert.Null(await Stores.Connections.GetAsync("c-old", T0, Ct));
        Assert.Equal(T0.AddHours(24), (await Stores.Connections.GetAsync("c-live", T0, Ct))!.Ttl);

        Assert.True(await Stores.Connections.SweepExpiredAsync(T0, Ct) >= 1);
        Assert.Null(await Stores.Connections.GetAsync("c-old", T0.AddHours(-2), Ct));
        Assert.NotNull(await Stores.Connections.GetAsync("c-live", T0, Ct));

        await Stores.Connections.RemoveAsync("c-live", Ct);
        Assert.Null(await Stores.Connections.GetAsync("c-live", T0, Ct));
    }

    private static StoredMessage Message(string conversationId, DateTimeOffset timestamp, string userId, string text) => new()
    {
        ConversationId = conversationId,
        Timestamp = timestamp,
        UserId = userId,
        Sender = Senders.Customer,
        Text = text,
    };
}

/// <summary>The four table ports of one store.</summary>
public sealed record StoreSet(ICustomerStore Customers, IServiceLevelStore ServiceLevels, IMessageStore Messages, IConnectionStore Connections);
