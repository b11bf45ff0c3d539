using System.Globalization;
using ServiceBot.Testing;

namespace ServiceBot.Bench;

/// <summary>
/// Start-up as a user sees it: the server's first start creates and seeds its database (cold), each later start
/// opens it again (warm, as after a restart), timed from process start to <c>/healthz</c> = 200.
/// <c>--server</c> picks the build: the Debug build that <c>dotnet run --project src/ServiceBot.Server</c> makes
/// on a fresh clone, or the Release one.
/// </summary>
internal static class StartupBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        string serverDll = BenchArguments.Text(args, "--server") ?? RepositoryFolder.PathOf("src", "ServiceBot.Server", "bin", "Debug", "net10.0", "ServiceBot.Server.dll");
        int starts = (int)BenchArguments.Number(args, "--starts", 10);
        if (!File.Exists(serverDll))
        {
            Console.Error.WriteLine($"Build the server first: dotnet build src/ServiceBot.Server ({serverDll} is missing).");
            return 2;
        }

        string database = Path.Combine(Path.GetTempPath(), $"servicebot-startup-{Guid.NewGuid():N}.db");
        var environment = new Dictionary<string, string> { ["ServiceBot__DatabasePath"] = database };
        try
        {
            double cold;
            await using (ServerProcess first = await ServerProcess.StartAsync(serverDll, [], environment))
            {
                cold = first.StartupTime.TotalMilliseconds;
            }

            var warm = new List<double>();
            for (int i = 0; i < starts; i++)
            {
                await using ServerProcess again = await ServerProcess.StartAsync(serverDll, [], environment);
                warm.Add(again.StartupTime.TotalMilliseconds);
            }

            warm.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{serverDll}: first start (new database) {cold:F0} ms; warm start (existing database, {starts} starts) median {warm[warm.Count / 2]:F0} ms, best {warm[0]:F0} ms, worst {warm[^1]:F0} ms."));
            return 0;
        }
        finally
        {
            DatabaseFiles.Delete(database);
        }
    }
}
