using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ServiceBot.Server.Tests;
using ServiceBot.Testing;

namespace ServiceBot.DynamoDb.Tests;

/// <summary>
/// The self-hosted server as a real process (<c>dotnet ServiceBot.Server.dll</c>, built next to these tests), configured
/// only through its environment, the way a person runs it: <c>ServiceBot__Store=dynamodb</c> plus the AWS SDK's settings.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServerProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        int port = FreeLoopbackPort();
        var start = new ProcessStartInfo
        {
            FileName = DotnetHost(),
            WorkingDirectory = Directory.CreateTempSubdirectory("servicebot-server-").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ServiceBot.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");

        // Nothing from this machine's own setup leaks in: no model key (no outside calls), no other store settings.
        foreach (string inherited in start.Environment.Keys.Where(k =>
                     k.StartsWith("ServiceBot__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("ANTHROPIC_", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ServiceBot__RateLimit__PermitLimit"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task<BotClient> ConnectAsync(string customerId) =>
        await BotClient.ConnectAsync(new Uri($"ws://{BaseUri.Authority}/ws?customerId={customerId}"));

    /// <summary>Ends the process at once (SIGKILL): whatever it acknowledged must already be in DynamoDB.</summary>
    public async ValueTask DisposeAsync()
    {
        string folder = _process.StartInfo.WorkingDirectory;
        await ChildProcesses.KillAsync(_process);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open: the temp folder is cleaned another time.
        }
    }

    /// <summary>Until <c>/healthz</c> answers 200: the tables exist and the seed is applied.</summary>
    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            if (clock.Elapsed > StartupTimeout)
            {
                throw new TimeoutException($"The server was not ready within {StartupTimeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
            }

            try
            {
                using HttpResponseMessage health = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    /// <summary>The dotnet host that runs these tests (its root is three folders above the shared runtime's).</summary>
    private static string DotnetHost()
    {
        string name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        string candidate = Path.Combine(runtime.Parent!.Parent!.Parent!.FullName, name);
        return File.Exists(candidate) ? candidate : name;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
