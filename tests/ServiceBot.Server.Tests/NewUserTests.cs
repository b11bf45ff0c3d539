using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ServiceBot.Testing;

namespace ServiceBot.Server.Tests;

/// <summary>The README's path: the real process, started with <c>dotnet run</c>, then one chat.</summary>
public sealed class NewUserTests
{
    [Fact]
    public async Task Dotnet_run_starts_the_bot_and_it_answers()
    {
        string root = RepositoryFolder.Root;
        int port = FreePort();
        string database = Path.Combine(Path.GetTempPath(), $"servicebot-newuser-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet", ["run", "--no-build", "--project", "src/ServiceBot.Server", "--", "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ServiceBot__DatabasePath"] = database;
        using Process process = Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitForHealthAsync(http, process, log);

            await using BotClient john = await BotClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/ws?customerId=cust_002"));
            Exchange exchange = await john.ChatAsync("the kitchen display is too loud, make it 20");
            Assert.Contains(exchange.Devices, d => (string?)d["id"] == "dev_003" && (int)d["volume"]! == 20);
            Assert.Contains("20", exchange.Text);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            ServiceBot.Testing.DatabaseFiles.Delete(database);
        }
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process process, System.Text.StringBuilder log)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                lock (log)
                {
                    Assert.Fail("The server exited: " + log);
                }
            }

            try
            {
                if ((await http.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The server did not become healthy within 90 s.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
