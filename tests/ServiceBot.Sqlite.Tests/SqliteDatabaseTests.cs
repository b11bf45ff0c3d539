using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Seeding;

namespace ServiceBot.Sqlite.Tests;

/// <summary>What the file does under a running server: its log stays bounded, and customer rows kept in memory never hide a change.</summary>
public sealed class SqliteDatabaseTests : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"servicebot-database-{Guid.NewGuid():N}.db");
    private readonly List<SqliteDatabase> _opened = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_write_ahead_log_stays_bounded_while_writes_never_stop()
    {
        // Restarted past 4 MB here (64 MB in the server), so the test writes a fraction of what it would take otherwise.
        SqliteDatabase database = await OpenAsync(walRestartPages: 1024);
        var messages = new SqliteMessageStore(database);
        string text = new('x', 3000);
        long largestLog = 0;

        // About 120 MB of messages, written without a pause: left alone, the log would hold all of it (273 MB, measured).
        for (int round = 0; round < 40; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => messages.TryAddAsync(new StoredMessage
            {
                ConversationId = $"conv_{round}_{i % 50}",
                Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(round * 1000 + i),
                UserId = "cust_002",
                Sender = Senders.Customer,
                Text = text,
            }, Ct)));
            largestLog = Math.Max(largestLog, new FileInfo(_path + "-wal").Length);
        }

        Assert.True(largestLog < 96L * 1024 * 1024, $"the log reached {largestLog / (1024 * 1024)} MB");
        Assert.Equal(1000, (await messages.GetByUserAsync("cust_002", 1000, Ct)).Count);
    }

    [Fact]
    public async Task A_customer_changed_by_another_writer_of_the_file_is_not_lost_or_hidden()
    {
        SqliteDatabase ours = await OpenAsync();
        SqliteDatabase theirs = await OpenAsync();
        var customers = new SqliteCustomerStore(ours);
        var other = new SqliteCustomerStore(theirs);
        Customer john = SeedData.Default.Customers.Single(c => c.Id == "cust_002");
        Assert.True(await customers.TryAddAsync(john, Ct));
        Customer read = (await customers.GetAsync("cust_002", Ct))!;

        // Another process on the same file turns the kitchen display off; ours still holds the row from before.
        Assert.NotNull(await new CustomerUpdater(other).UpdateAsync("cust_002", c => c.WithDevice(c.FindDevice("dev_003")! with { Power = "off" }), Ct));

        // Our update starts from the row it holds, loses the race, reads the file again and keeps their change.
        Customer? after = await new CustomerUpdater(customers).UpdateAsync("cust_002", read,
            c => c.WithDevice(c.FindDevice("dev_002")! with { Volume = 11 }), Ct);

        Assert.Equal(("off", 11), (after!.FindDevice("dev_003")!.Power, after.FindDevice("dev_002")!.Volume));
        Customer stored = (await new SqliteCustomerStore(await OpenAsync()).GetAsync("cust_002", Ct))!;
        Assert.Equal(("off", 11), (stored.FindDevice("dev_003")!.Power, stored.FindDevice("dev_002")!.Volume));
        Assert.Equal(after, await customers.GetAsync("cust_002", Ct));
    }

    [Fact]
    public async Task A_write_that_fails_is_refused_alone_and_the_writes_committed_beside_it_are_kept()
    {
        SqliteDatabase database = await OpenAsync();
        var messages = new SqliteMessageStore(database);

        // Queued together, so the writer commits them in the same batches as the one that fails.
        Task<bool> Add(int i) => messages.TryAddAsync(new StoredMessage
        {
            ConversationId = "conv_batch",
            Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(i),
            UserId = "cust_001",
            Sender = Senders.Customer,
            Text = $"message {i}",
        }, Ct);

        Task<bool>[] good = Enumerable.Range(0, 200).Select(Add).ToArray();
        Task<int> bad = database.WriteAsync(writer => writer.Command("INSERT INTO no_such_table VALUES (1);").ExecuteNonQuery(), Ct);
        Task<bool>[] after = Enumerable.Range(200, 200).Select(Add).ToArray();

        await Assert.ThrowsAsync<SqliteException>(() => bad);
        Assert.All(await Task.WhenAll(good.Concat(after)), Assert.True);
        Assert.Equal(400, (await messages.GetConversationAsync("conv_batch", 1000, Ct)).Count);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (SqliteDatabase database in _opened)
        {
            await database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_path);
    }

    private async Task<SqliteDatabase> OpenAsync(long walRestartPages = 16384)
    {
        var database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path, WalRestartPages = walRestartPages }));
        _opened.Add(database);
        await database.InitializeAsync(Ct);
        return database;
    }
}
