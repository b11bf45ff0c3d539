using System.Globalization;
using System.Text;
using ServiceBot.Testing;

namespace ServiceBot.Bench;

/// <summary>Runs the floor and the real server side by side in one invocation and prints the ratios as a Markdown table.</summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        TimeSpan duration = TimeSpan.FromSeconds(BenchArguments.Number(args, "--seconds", 10));
        // Long enough for the JIT to finish tiering up both servers: the figures are the steady state a running server
        // sees, not its first seconds.
        TimeSpan warmup = TimeSpan.FromSeconds(BenchArguments.Number(args, "--warmup", 10));
        int idle = (int)BenchArguments.Number(args, "--idle", 2000);
        string serverDll = BenchArguments.ServerDll(args);
        string floorDll = typeof(BenchRunner).Assembly.Location;
        if (!File.Exists(serverDll))
        {
            Console.Error.WriteLine($"Build the server first: dotnet build -c Release src/ServiceBot.Server ({serverDll} is missing).");
            return 2;
        }

        string database = Path.Combine(Path.GetTempPath(), $"servicebot-bench-{Guid.NewGuid():N}.db");
        var realEnv = new Dictionary<string, string>
        {
            ["ServiceBot__DatabasePath"] = database,
            ["ServiceBot__RateLimit__PermitLimit"] = "0",
        };

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {duration.TotalSeconds:F0} s per point after {warmup.TotalSeconds:F0} s warm-up; message \"is my speaker on?\".");
        table.AppendLine();
        table.AppendLine("| connections | floor ex/s | floor p50 / p99 ms | real ex/s | real p50 / p99 ms | real / floor |");
        table.AppendLine("|---:|---:|---:|---:|---:|---:|");

        var startups = new List<double>();
        foreach (int connections in new[] { 1, 16, 128 })
        {
            LoadResult floor, real;
            await using (ServerProcess f = await ServerProcess.StartAsync(floorDll, ["serve-floor"], new Dictionary<string, string>()))
            {
                floor = await LoadGenerator.RunAsync(f.Port, connections, warmup, duration);
            }

            await using (ServerProcess r = await ServerProcess.StartAsync(serverDll, [], realEnv))
            {
                startups.Add(r.StartupTime.TotalMilliseconds);
                real = await LoadGenerator.RunAsync(r.Port, connections, warmup, duration);
            }

            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {connections} | {floor.ExchangesPerSecond:F0} | {floor.P50Ms:F2} / {floor.P99Ms:F2} | {real.ExchangesPerSecond:F0} | {real.P50Ms:F2} / {real.P99Ms:F2} | {real.ExchangesPerSecond / floor.ExchangesPerSecond:F2}x |");
            Console.Error.WriteLine($"  {connections} connections done");
        }

        double floorIdle, realIdle;
        await using (ServerProcess f = await ServerProcess.StartAsync(floorDll, ["serve-floor"], new Dictionary<string, string>()))
        {
            floorIdle = await IdleMemory.BytesPerConnectionAsync(f, idle);
        }

        await using (ServerProcess r = await ServerProcess.StartAsync(serverDll, [], realEnv))
        {
            startups.Add(r.StartupTime.TotalMilliseconds);
            realIdle = await IdleMemory.BytesPerConnectionAsync(r, idle);
        }

        table.AppendLine();
        table.AppendLine(CultureInfo.InvariantCulture, $"Idle memory per connection ({idle} idle sockets, resident set): floor {floorIdle / 1024:F1} KB, real {realIdle / 1024:F1} KB, real above floor {(realIdle - floorIdle) / 1024:F1} KB.");
        startups.Sort();
        table.AppendLine(CultureInfo.InvariantCulture, $"Start-up to /healthz = 200 (existing database, {startups.Count} starts): median {startups[startups.Count / 2]:F0} ms, worst {startups[^1]:F0} ms.");
        Console.WriteLine(table.ToString());

        DatabaseFiles.Delete(database);

        return 0;
    }
}
