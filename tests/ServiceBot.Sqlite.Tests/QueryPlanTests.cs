using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Conversations;

namespace ServiceBot.Sqlite.Tests;

/// <summary>
/// Every query a message makes reads through an index that leads straight to its rows, so its cost does not grow
/// with the number of messages stored: no SCAN of a table or index, no sort in a temporary B-tree.
/// </summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"servicebot-plan-{Guid.NewGuid():N}.db");
    private SqliteDatabase _database = null!;

    public static TheoryData<string, string, string> PerMessageQueries => new()
    {
        { "conversation history", SqliteMessageStore.SelectConversation, "USING PRIMARY KEY (conversation_id=?)" },
        { "idempotency key", SqliteMessageStore.SelectByClientMessageId, "USING INDEX messages_by_client_message_id (user_id=? AND client_message_id=?)" },
        { "reply to a keyed question", SqliteMessageStore.SelectReply, "USING PRIMARY KEY (conversation_id=? AND timestamp>?)" },
        { "latest conversation", SqliteMessageStore.SelectByUser, "USING INDEX UserIdIndex (user_id=?)" },
        { "customer", SqliteCustomerStore.SelectById, "USING INDEX sqlite_autoindex_customers_1 (id=?)" },
        { "connection", SqliteConnectionStore.SelectLive, "USING INDEX sqlite_autoindex_connections_1 (connection_id=?)" },
        // Not per message, but the staff report must read only its days' counters however many days are kept.
        { "upgrade demand report", SqliteUpgradeDemandStore.SelectRange, "USING PRIMARY KEY (day>? AND day<?)" },
    };

    public async ValueTask InitializeAsync()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path }));
        await _database.InitializeAsync(TestContext.Current.CancellationToken);

        // One customer with a long history: many conversations, every message with a key, as the web client sends them.
        var store = new SqliteMessageStore(_database);
        DateTimeOffset start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var writes = new List<Task<bool>>();
        for (int i = 0; i < 3000; i++)
        {
            writes.Add(store.TryAddAsync(new StoredMessage
            {
                ConversationId = $"conv_{i / 40}",
                Timestamp = start.AddSeconds(i),
                UserId = "cust_002",
                Sender = i % 2 == 0 ? Senders.Customer : Senders.Bot,
                Text = "is my speaker on?",
                ClientMessageId = $"m{i / 2}",
            }, TestContext.Current.CancellationToken));
        }

        Assert.All(await Task.WhenAll(writes), Assert.True);
    }

    [Theory]
    [MemberData(nameof(PerMessageQueries))]
    public async Task A_per_message_query_goes_straight_to_its_rows(string query, string sql, string expected)
    {
        IReadOnlyList<string> plan = await PlanAsync(sql);

        Assert.True(plan.Any(step => step.Contains(expected, StringComparison.Ordinal)), $"{query}: expected {expected}, planned: {string.Join(" | ", plan)}");
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_idempotency_lookup_finds_a_key_among_thousands_in_time_order()
    {
        var store = new SqliteMessageStore(_database);

        IReadOnlyList<StoredMessage> found = await store.FindByClientMessageIdAsync("cust_002", "m1234", null, TestContext.Current.CancellationToken);

        Assert.Equal([Senders.Customer, Senders.Bot], found.Select(m => m.Sender));
        Assert.All(found, m => Assert.Equal("m1234", m.ClientMessageId));
        Assert.Empty(await store.FindByClientMessageIdAsync("cust_001", "m1234", null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Acknowledged_writes_are_synced_to_disk_before_they_complete()
    {
        // synchronous = FULL (2): the log is flushed at every commit, so an ack survives a power cut, not only a crash.
        long synchronous = await _database.WriteAsync(w => (long)w.Command("PRAGMA synchronous;").ExecuteScalar()!, TestContext.Current.CancellationToken);

        Assert.Equal(2L, synchronous);
    }

    private Task<List<string>> PlanAsync(string sql) =>
        _database.ReadAsync(async connection =>
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (string name in new[] { "$key", "$cmid", "$limit", "$id", "$now", "$from", "$to", "$conversation", "$after" })
            {
                if (sql.Contains(name, StringComparison.Ordinal))
                {
                    command.Parameters.AddWithValue(name, name == "$limit" || name == "$now" ? 20 : "x");
                }
            }

            await using SqliteDataReader reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var steps = new List<string>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                steps.Add(reader.GetString(3));
            }

            return steps;
        }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_path);
    }
}
