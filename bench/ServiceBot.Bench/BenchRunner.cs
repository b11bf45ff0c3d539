using System.Globalization;
using System.Text;
using ServiceBot.Testing;

namespace ServiceBot.Bench;

/// <summary>
/// Runs the floor and the real server side by side in one invocation, then the real server over databases that
/// already hold long histories, and prints the figures as Markdown tables.
/// </summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        TimeSpan duration = TimeSpan.FromSeconds(BenchArguments.Number(args, "--seconds", 10));
        // Long enough for the JIT to finish tiering up both servers (10 s was not, on a slow machine under load): the
        // figures are the steady state a running server sees, not its first seconds.
        TimeSpan warmup = TimeSpan.FromSeconds(BenchArguments.Number(args, "--warmup", 30));
        int idle = (int)BenchArguments.Number(args, "--idle", 2000);
        int[] connectionCounts = BenchArguments.Numbers(args, "--connections", [1, 16, 128]);
        int[] historySizes = BenchArguments.Numbers(args, "--history", [0, 100_000, 1_000_000]);
        int[] historyConnections = BenchArguments.Numbers(args, "--history-connections", [1, 128]);
        string serverDll = BenchArguments.ServerDll(args);
        string floorDll = typeof(BenchRunner).Assembly.Location;
        if (!File.Exists(serverDll))
        {
            Console.Error.WriteLine($"Build the server first: dotnet build -c Release src/ServiceBot.Server ({serverDll} is missing).");
            return 2;
        }

        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {duration.TotalSeconds:F0} s per point after {warmup.TotalSeconds:F0} s warm-up; "
            + $"web front end's frames (conversationId and a new clientMessageId on every sendMessage, {LoadGenerator.TurnsPerConversation} turns per conversation), message \"{LoadGenerator.Message}\".");
        output.AppendLine();
        output.AppendLine("| connections | floor ex/s | floor p50 / p99 ms | real ex/s | real p50 / p99 ms | real / floor |");
        output.AppendLine("|---:|---:|---:|---:|---:|---:|");

        var startups = new List<double>();
        foreach (int connections in connectionCounts)
        {
            LoadResult floor, real;
            await using (ServerProcess f = await ServerProcess.StartAsync(floorDll, ["serve-floor"], new Dictionary<string, string>()))
            {
                floor = await LoadGenerator.RunAsync(f.Port, connections, warmup, duration);
            }

            using (var database = new BenchDatabase())
            {
                await using ServerProcess r = await ServerProcess.StartAsync(serverDll, [], database.Environment);
                real = await LoadGenerator.RunAsync(r.Port, connections, warmup, duration);
            }

            output.AppendLine(CultureInfo.InvariantCulture,
                $"| {connections} | {floor.ExchangesPerSecond:F0} | {floor.P50Ms:F2} / {floor.P99Ms:F2} | {real.ExchangesPerSecond:F0} | {real.P50Ms:F2} / {real.P99Ms:F2} | {real.ExchangesPerSecond / floor.ExchangesPerSecond:F2}x |");
            Console.Error.WriteLine($"  {connections} connections: real {real.ExchangesPerSecond:F0} ex/s ({real.Tail}), floor {floor.ExchangesPerSecond:F0}");
        }

        output.AppendLine();
        output.AppendLine("Stored history (the bench customers' earlier conversations, in the database before the server starts):");
        output.AppendLine();
        output.AppendLine("| stored messages | written in | start-up to /healthz | " + string.Join(" | ", historyConnections.Select(c => $"{c} conn: ex/s, p50 / p99 ms")) + " |");
        output.AppendLine("|---:|---:|---:|" + string.Concat(historyConnections.Select(_ => "---:|")));
        foreach (int stored in historySizes)
        {
            using var database = new BenchDatabase();
            TimeSpan written = stored > 0 ? await StoredHistory.WriteAsync(database.Path, stored) : TimeSpan.Zero;
            var cells = new List<string>();
            double startup;
            await using (ServerProcess r = await ServerProcess.StartAsync(serverDll, [], database.Environment))
            {
                startup = r.StartupTime.TotalMilliseconds;
                foreach (int connections in historyConnections)
                {
                    LoadResult real = await LoadGenerator.RunAsync(r.Port, connections, warmup, duration);
                    cells.Add(string.Create(CultureInfo.InvariantCulture, $"{real.ExchangesPerSecond:F0}, {real.P50Ms:F2} / {real.P99Ms:F2}"));
                    Console.Error.WriteLine($"  {stored} stored, {connections} connections: {real.ExchangesPerSecond:F0} ex/s ({real.Tail})");
                }
            }

            // A second start of the same file, as after a restart: the warm start-up figure.
            await using (ServerProcess again = await ServerProcess.StartAsync(serverDll, [], database.Environment))
            {
                startups.Add(again.StartupTime.TotalMilliseconds);
            }

            output.AppendLine(CultureInfo.InvariantCulture, $"| {stored:N0} | {written.TotalSeconds:F1} s | {startup:F0} ms | {string.Join(" | ", cells)} |");
        }

        double floorIdle, realIdle;
        await using (ServerProcess f = await ServerProcess.StartAsync(floorDll, ["serve-floor"], new Dictionary<string, string>()))
        {
            floorIdle = await IdleMemory.BytesPerConnectionAsync(f, idle);
        }

        using (var database = new BenchDatabase())
        {
            await using ServerProcess r = await ServerProcess.StartAsync(serverDll, [], database.Environment);
            realIdle = await IdleMemory.BytesPerConnectionAsync(r, idle);
        }

        output.AppendLine();
        output.AppendLine(CultureInfo.InvariantCulture, $"Idle memory per connection ({idle} idle sockets, resident set): floor {floorIdle / 1024:F1} KB, real {realIdle / 1024:F1} KB, real above floor {(realIdle - floorIdle) / 1024:F1} KB.");
        startups.Sort();
        if (startups.Count > 0)
        {
            output.AppendLine(CultureInfo.InvariantCulture, $"Warm start-up to /healthz = 200 (a restart on an existing database, {startups.Count} starts): median {startups[startups.Count / 2]:F0} ms, worst {startups[^1]:F0} ms.");
        }

        Console.WriteLine(output.ToString());
        return 0;
    }

    /// <summary>A database file of the bench's own, deleted with its WAL files afterwards.</summary>
    private sealed class BenchDatabase : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"servicebot-bench-{Guid.NewGuid():N}.db");

        public Dictionary<string, string> Environment => new()
        {
            ["ServiceBot__DatabasePath"] = Path,
            ["ServiceBot__RateLimit__PermitLimit"] = "0",
        };

        public void Dispose() => DatabaseFiles.Delete(Path);
    }
}
