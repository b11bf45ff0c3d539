using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceBot.Core;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Guards;
using ServiceBot.Core.Seeding;
using ServiceBot.Testing;

namespace ServiceBot.DynamoDb.Tests;

/// <summary>What is particular to DynamoDB: several writers in several processes, native item shapes, paging, registration.</summary>
public sealed class DynamoDbStoreTests(DynamoDbLocal local) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly AmazonDynamoDBClient _client = local.CreateClient();
    private readonly DynamoDbTables _tables = DynamoDbTables.FromPrefix(DynamoDbLocal.NewTablePrefix("store"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await new DynamoDbTableInitializer(_client, _tables).InitializeAsync(Ct);

    [Fact]
    public async Task Writers_on_separate_clients_never_lose_an_update_to_one_customer()
    {
        // Like four Lambda instances, each with its own client, all changing John's kitchen display at once.
        AmazonDynamoDBClient[] clients = [.. Enumerable.Range(0, 4).Select(_ => local.CreateClient())];
        try
        {
            Customer john = SeedData.Default.Customers[1] with { Id = "cust_race" };
            Assert.True(await new DynamoDbCustomerStore(_client, _tables).TryAddAsync(john, Ct));
            CustomerUpdater[] updaters = [.. clients.Select(c => new CustomerUpdater(new DynamoDbCustomerStore(c, _tables)))];

            await Task.WhenAll(Enumerable.Range(0, 24).Select(i => updaters[i % updaters.Length].UpdateAsync("cust_race", c =>
            {
                Device display = c.FindDevice("dev_003")!;
                return c.WithDevice(display with { Volume = display.Volume + 1 });
            }, Ct)));

            Customer stored = (await new DynamoDbCustomerStore(_client, _tables).GetAsync("cust_race", Ct))!;
            Assert.Equal(john.FindDevice("dev_003")!.Volume + 24, stored.FindDevice("dev_003")!.Volume);
            Assert.Equal(24, stored.Version);
        }
        finally
        {
            foreach (AmazonDynamoDBClient client in clients)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_replace_of_a_missing_customer_is_refused_and_creates_nothing()
    {
        var store = new DynamoDbCustomerStore(_client, _tables);

        Assert.False(await store.TryReplaceAsync(SeedData.Default.Customers[0] with { Id = "cust_ghost" }, Ct));
        Assert.Null(await store.GetAsync("cust_ghost", Ct));
    }

    [Fact]
    public async Task Devices_and_routines_are_stored_as_native_maps_and_read_back_whole()
    {
        var store = new DynamoDbCustomerStore(_client, _tables);
        Customer alice = SeedData.Default.Customers[2] with
        {
            Id = "cust_maps",
            Devices = [.. SeedData.Default.Customers[2].Devices.Select((d, i) => i == 0 ? d with { NowPlaying = "jazz", Volume = 35, Power = PowerState.Off } : d)],
            Routines =
            [
                new Routine
                {
                    Id = "rt_morning", Name = "Morning", CreatedAt = T0.AddTicks(5),
                    Schedule = new RoutineSchedule([DayOfWeek.Monday, DayOfWeek.Friday], "07:00"),
                    Steps =
                    [
                        new RoutineStep { Tool = "set_power", DeviceId = "dev_004", Power = PowerState.On },
                        new RoutineStep { Tool = "set_volume", DeviceId = "dev_004", Volume = 30 },
                        new RoutineStep { Tool = "play_music", DeviceId = "dev_005", Music = "the news" },
                    ],
                },
                new Routine { Id = "rt_bye", Name = "Goodbye", Phrase = "goodbye office", Steps = [], CreatedAt = T0 },
            ],
        };
        Assert.True(await store.TryAddAsync(alice, Ct));

        Customer read = (await store.GetAsync("cust_maps", Ct))!;
        Assert.Equal(alice.Devices, read.Devices);
        Assert.Equal(2, read.Routines.Count);
        Routine morning = read.Routines[0];
        Assert.Equal(alice.Routines[0].CreatedAt, morning.CreatedAt);
        Assert.Equal(alice.Routines[0].Schedule!.Days, morning.Schedule!.Days);
        Assert.Equal("07:00", morning.Schedule.Time);
        Assert.Equal(alice.Routines[0].Steps, morning.Steps);
        Assert.Equal("goodbye office", read.Routines[1].Phrase);
        Assert.Null(read.Routines[1].Schedule);

        // In the console (and to PartiQL) a device is a map whose volume is a number, not a JSON string.
        Dictionary<string, AttributeValue> item = (await _client.GetItemAsync(new GetItemRequest
        {
            TableName = _tables.Customers,
            Key = new() { ["id"] = new AttributeValue { S = "cust_maps" } },
        }, Ct)).Item;
        Dictionary<string, AttributeValue> office = item["devices"].L[0].M;
        Assert.Equal("dev_004", office["id"].S);
        Assert.Equal("35", office["volume"].N);
    }

    [Fact]
    public async Task A_long_conversation_reads_back_past_one_page_of_a_query()
    {
        // DynamoDB returns at most 1 MB per query page: 300 messages of 4,000 characters take two pages.
        var messages = new DynamoDbMessageStore(_client, _tables);
        string text = new('x', 3990);
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            await gate.WaitAsync(Ct);
            try
            {
                await messages.TryAddAsync(Message("conv_long", T0.AddSeconds(i), "cust_002", $"{i:000}{text}"), Ct);
            }
            finally
            {
                gate.Release();
            }
        }));

        IReadOnlyList<StoredMessage> latest = await messages.GetConversationAsync("conv_long", 280, Ct);

        Assert.Equal(280, latest.Count);
        Assert.Equal(Enumerable.Range(20, 280).Select(i => $"{i:000}"), latest.Select(m => m.Text[..3]));
        Assert.Equal(280, (await messages.GetByUserAsync("cust_002", 280, Ct)).Count);
    }

    [Fact]
    public async Task Idempotency_keys_never_match_across_customers_even_when_the_joined_key_is_the_same()
    {
        var messages = new DynamoDbMessageStore(_client, _tables);
        // "a#b" + "c" and "a" + "b#c" join to the same index key "a#b#c".
        await messages.TryAddAsync(Message("conv_x", T0, "a#b", "first customer") with { ClientMessageId = "c" }, Ct);
        await messages.TryAddAsync(Message("conv_y", T0, "a", "second customer") with { ClientMessageId = "b#c" }, Ct);

        Assert.Equal(["first customer"], (await messages.FindByClientMessageIdAsync("a#b", "c", null, Ct)).Select(m => m.Text));
        Assert.Equal(["second customer"], (await messages.FindByClientMessageIdAsync("a", "b#c", null, Ct)).Select(m => m.Text));
    }

    [Fact]
    public async Task The_registration_uses_explicit_table_names_and_creates_them()
    {
        DynamoDbTables named = new(
            $"{_tables.Messages}-x", $"{_tables.Customers}-x", $"{_tables.ServiceLevels}-x", $"{_tables.Connections}-x", $"{_tables.Guards}-x",
            $"{_tables.Schedule}-x", $"{_tables.UpgradeDemand}-x", $"{_tables.Support}-x");
        using AmazonDynamoDBClient client = local.CreateClient();
        var services = new ServiceCollection();
        services.AddSingleton<IAmazonDynamoDB>(client);
        services.AddServiceBotDynamoDb(o => o.Tables = named);
        await using ServiceProvider provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<IStoreInitializer>().InitializeAsync(Ct);
            await provider.GetRequiredService<ICustomerStore>().TryAddAsync(SeedData.Default.Customers[0], Ct);

            GetItemResponse row = await _client.GetItemAsync(new GetItemRequest
            {
                TableName = named.Customers,
                Key = new() { ["id"] = new AttributeValue { S = "cust_001" } },
            }, Ct);
            Assert.Equal("Jane Smith", row.Item["name"].S);
        }
        finally
        {
            await Tables.DeleteAsync(_client, named);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_guards_are_shared_by_instances_whether_the_core_is_added_before_or_after_the_store(bool coreFirst)
    {
        // Two providers on one set of tables, as two Lambda instances (the store first) or two servers (the core first).
        ServiceProvider Instance()
        {
            var services = new ServiceCollection();
            if (coreFirst)
            {
                services.AddServiceBotCore();
            }

            services.AddSingleton<IAmazonDynamoDB>(_client);
            services.AddServiceBotDynamoDb(o => o.Tables = _tables);
            if (!coreFirst)
            {
                services.AddServiceBotCore();
            }

            services.Configure<ServiceBotOptions>(o => o.RateLimit.PermitLimit = 1);
            return services.BuildServiceProvider();
        }

        await using ServiceProvider first = Instance();
        await using ServiceProvider second = Instance();
        Assert.IsType<DynamoDbRateLimiter>(first.GetRequiredService<IRequestRateLimiter>());
        Assert.IsType<DynamoDbRequestLocks>(first.GetRequiredService<IRequestLocks>());

        Assert.True(await first.GetRequiredService<IRequestRateLimiter>().TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));
        Assert.False(await second.GetRequiredService<IRequestRateLimiter>().TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));

        IAsyncDisposable held = await first.GetRequiredService<IRequestLocks>().AcquireAsync("cust_001\nm1", Ct);
        Task<IAsyncDisposable> waiting = second.GetRequiredService<IRequestLocks>().AcquireAsync("cust_001\nm1", Ct).AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await (await waiting.WaitAsync(TimeSpan.FromSeconds(10), Ct)).DisposeAsync();
    }

    [Fact]
    public void A_bad_table_prefix_is_refused_with_a_sentence()
    {
        var services = new ServiceCollection();
        services.AddServiceBotDynamoDb(o => o.TablePrefix = "my tables!");
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DynamoDbStoreOptions>>().Value);
        Assert.Contains("not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_names_come_from_a_prefix_or_from_the_lambda_environment()
    {
        Assert.Equal(
            new DynamoDbTables("dev-messages", "dev-customers", "dev-service-levels", "dev-connections", "dev-guards", "dev-schedule", "dev-upgrade-demand", "dev-support"),
            new DynamoDbStoreOptions().ResolveTables());

        var environment = new Dictionary<string, string?>
        {
            ["MESSAGES_TABLE"] = "Stack-Messages1", ["CUSTOMERS_TABLE"] = "Stack-Customers1",
            ["SERVICE_LEVELS_TABLE"] = "Stack-Levels1", ["CONNECTIONS_TABLE"] = "Stack-Connections1",
            ["GUARDS_TABLE"] = "Stack-Guards1", ["SCHEDULE_TABLE"] = "Stack-Schedule1", ["UPGRADE_DEMAND_TABLE"] = "Stack-Demand1",
            ["SUPPORT_TABLE"] = "Stack-Support1",
        };
        Assert.Equal(
            new DynamoDbTables(
                "Stack-Messages1", "Stack-Customers1", "Stack-Levels1", "Stack-Connections1", "Stack-Guards1", "Stack-Schedule1", "Stack-Demand1",
                "Stack-Support1"),
            DynamoDbTables.FromEnvironment(v => environment.GetValueOrDefault(v)));

        environment.Remove("CONNECTIONS_TABLE");
        environment.Remove("GUARDS_TABLE");
        var missing = Assert.Throws<InvalidOperationException>(() => DynamoDbTables.FromEnvironment(v => environment.GetValueOrDefault(v)));
        Assert.Contains("set CONNECTIONS_TABLE, GUARDS_TABLE.", missing.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await Tables.DeleteAsync(_client, _tables);
        _client.Dispose();
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
