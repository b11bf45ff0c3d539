using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Seeding;
using ServiceBot.Sqlite;

namespace ServiceBot.Bench;

/// <summary>
/// What two parts of an exchange cost alone, in this process, with nothing else running: the durable store (the
/// server's own SQLite code, 128 conversations at once: question then reply in two commits, as the server writes
/// them, and both in one commit, the least a durable exchange can cost it) and the request analyzer (the bench's
/// message, against a conversation's last 20 turns). The store alone is a ceiling for the whole server on these cores.
/// </summary>
internal static class PartsBench
{
    private const string CustomerId = "cust_001";

    public static async Task<int> RunAsync(string[] args)
    {
        TimeSpan duration = TimeSpan.FromSeconds(BenchArguments.Number(args, "--seconds", 10));
        int writers = (int)BenchArguments.Number(args, "--connections", 128);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {duration.TotalSeconds:F0} s per part after as long a warm-up."));
        foreach (bool together in new[] { false, true })
        {
            StorePart store = await MeasureStoreAsync(writers, together, duration);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"store, question and reply in {(together ? "one commit" : "two commits")}: {store.ExchangesPerSecond:F0} exchanges/s from {writers} conversations at once, " +
                $"{store.CpuMicroseconds:F0} us CPU and {store.WrittenKilobytes:F1} KB written per exchange"));
        }

        double analyzer = MeasureAnalyzer(duration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analyzer: {analyzer:F1} us CPU per message (\"{LoadGenerator.Message}\", 20 turns of history)"));
        return 0;
    }

    private sealed record StorePart(double ExchangesPerSecond, double CpuMicroseconds, double WrittenKilobytes);

    private static async Task<StorePart> MeasureStoreAsync(int writers, bool together, TimeSpan duration)
    {
        string folder = Directory.CreateTempSubdirectory("servicebot-parts-").FullName;
        try
        {
            await using var database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = Path.Combine(folder, "parts.db") }));
            await database.InitializeAsync(CancellationToken.None);
            var store = new SqliteMessageStore(database);
            long exchanges = 0;
            bool counting = false;
            using var stop = new CancellationTokenSource();
            Task[] loops = Enumerable.Range(0, writers).Select(n => Task.Run(async () =>
            {
                for (int turn = 0; !stop.IsCancellationRequested; turn++)
                {
                    string conversation = $"conv_parts_{n:D3}_{turn / LoadGenerator.TurnsPerConversation:D6}";
                    string key = Guid.NewGuid().ToString("N");
                    DateTimeOffset asked = DateTimeOffset.UtcNow;
                    Task<bool> question = store.TryAddAsync(BenchMessages.Turn(conversation, asked, CustomerId, reply: false, key), CancellationToken.None);
                    if (!together)
                    {
                        // Queued only once the question is committed, so it cannot share the question's commit.
                        await question;
                    }

                    await Task.WhenAll(question, store.TryAddAsync(BenchMessages.Turn(conversation, asked.AddTicks(1), CustomerId, reply: true, key), CancellationToken.None));
                    if (Volatile.Read(ref counting))
                    {
                        Interlocked.Increment(ref exchanges);
                    }
                }
            })).ToArray();

            await Task.Delay(duration);
            (TimeSpan cpu, long written) before = (Process.GetCurrentProcess().TotalProcessorTime, WrittenBytes());
            Volatile.Write(ref counting, true);
            var clock = Stopwatch.StartNew();
            await Task.Delay(duration);
            Volatile.Write(ref counting, false);
            double seconds = clock.Elapsed.TotalSeconds;
            long measured = Interlocked.Read(ref exchanges);
            (TimeSpan cpu, long written) after = (Process.GetCurrentProcess().TotalProcessorTime, WrittenBytes());
            await stop.CancelAsync();
            await Task.WhenAll(loops);
            return new StorePart(
                measured / seconds,
                (after.cpu - before.cpu).TotalMicroseconds / measured,
                (after.written - before.written) / 1024.0 / measured);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    /// <summary>Microseconds of one thread's work per analysis; the analyzer is synchronous, so wall time is its CPU time.</summary>
    private static double MeasureAnalyzer(TimeSpan duration)
    {
        var analyzer = new RequestAnalyzer();
        Customer customer = SeedData.Default.Customers.First(c => c.Id == CustomerId);
        var history = new List<StoredMessage>();
        DateTimeOffset start = DateTimeOffset.UtcNow.AddMinutes(-5);
        for (int turn = 0; turn < 10; turn++)
        {
            history.Add(BenchMessages.Turn("conv_parts", start.AddSeconds(turn * 2), CustomerId, reply: false, "k" + turn));
            history.Add(BenchMessages.Turn("conv_parts", start.AddSeconds(turn * 2 + 1), CustomerId, reply: true, "k" + turn));
        }

        long count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            Analyze();
        }

        clock.Restart();
        while (clock.Elapsed < duration)
        {
            Analyze();
            count++;
        }

        return clock.Elapsed.TotalMicroseconds / count;

        // The handler builds the context from the history for every message, so it is part of the cost.
        void Analyze() => analyzer.Analyze(LoadGenerator.Message, customer, ConversationContextBuilder.From(history, customer));
    }

    private static long WrittenBytes()
    {
        foreach (string line in File.ReadLines("/proc/self/io"))
        {
            if (line.StartsWith("write_bytes:", StringComparison.Ordinal))
            {
                return long.Parse(line["write_bytes:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
