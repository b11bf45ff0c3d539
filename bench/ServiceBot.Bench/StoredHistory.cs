using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Conversations;
using ServiceBot.Sqlite;

namespace ServiceBot.Bench;

/// <summary>
/// A database that already holds a long history, written by the server's own store code: the bench customers'
/// earlier conversations, shaped as the web front end leaves them (20 turns each, every message with its key).
/// </summary>
internal static class StoredHistory
{
    private static readonly string[] Customers = ["cust_001", "cust_002", "cust_003"];

    /// <summary>Writes <paramref name="messages"/> messages into a new database at <paramref name="path"/>; returns how long it took.</summary>
    public static async Task<TimeSpan> WriteAsync(string path, int messages)
    {
        var clock = Stopwatch.StartNew();
        await using (var database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = path })))
        {
            await database.InitializeAsync(CancellationToken.None);
            var store = new SqliteMessageStore(database);
            DateTimeOffset start = DateTimeOffset.UtcNow.AddDays(-365);
            const int rowsPerConversation = LoadGenerator.TurnsPerConversation * 2;
            const int inFlight = 4096;
            var pending = new List<Task<bool>>(inFlight);
            for (int i = 0; i < messages; i++)
            {
                int conversation = i / rowsPerConversation;
                int turn = i % rowsPerConversation / 2;
                bool reply = i % 2 == 1;
                pending.Add(store.TryAddAsync(
                    BenchMessages.Turn($"conv_history_{conversation:D7}", start.AddSeconds(i), Customers[conversation % Customers.Length], reply, $"h{conversation:D7}t{turn:D2}"),
                    CancellationToken.None));
                if (pending.Count == inFlight)
                {
                    await Task.WhenAll(pending);
                    pending.Clear();
                }
            }

            await Task.WhenAll(pending);
        }

        SqliteConnection.ClearAllPools();
        return clock.Elapsed;
    }
}
