using System.Diagnostics;
using System.Globalization;
using System.Text;
using ServiceBot.Testing;

namespace ServiceBot.Lambda.Tests.StandIns;

/// <summary>
/// One Lambda function as a real process, as Lambda starts a custom runtime: <c>dotnet ServiceBot.Lambda.dll</c>
/// (the built package; the published <c>bootstrap</c> behaves the same) with <c>_HANDLER</c> and
/// <c>AWS_LAMBDA_RUNTIME_API</c> pointing at its own Runtime API emulator.
/// </summary>
public sealed class FunctionProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private FunctionProcess(Process process, string handler)
    {
        _process = process;
        Handler = handler;
    }

    public const string BootstrapVariable = "SERVICEBOT_LAMBDA_BOOTSTRAP";

    public string Handler { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static FunctionProcess Start(string handler, RuntimeApiEmulator runtime, IReadOnlyDictionary<string, string> environment)
    {
        // SERVICEBOT_LAMBDA_BOOTSTRAP names a published bootstrap (Native AOT) to run these tests against instead.
        string? bootstrap = Environment.GetEnvironmentVariable(BootstrapVariable);
        var start = new ProcessStartInfo(string.IsNullOrEmpty(bootstrap) ? "dotnet" : bootstrap)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.IsNullOrEmpty(bootstrap))
        {
            start.ArgumentList.Add(PackagePath());
        }

        // Only what Lambda would give a function, plus the test's endpoints: nothing leaks in from this machine.
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_ROOT"] = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        start.Environment["_HANDLER"] = handler;
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtime.Address;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "servicebot-test-" + handler;
        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var function = new FunctionProcess(process, handler);
        process.OutputDataReceived += (_, e) => function.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => function.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return function;
    }

    /// <summary>The built ServiceBot.Lambda.dll of the same configuration as these tests.</summary>
    public static string PackagePath()
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string own = RepositoryFolder.PathOf("src", "ServiceBot.Lambda", "bin", configuration, "net10.0", "ServiceBot.Lambda.dll");
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "ServiceBot.Lambda.dll");
    }

    public ValueTask DisposeAsync() => new(ChildProcesses.KillAsync(_process));

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} (exited: {1})", Handler, HasExited);
}
