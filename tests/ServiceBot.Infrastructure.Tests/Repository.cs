using System.Diagnostics;
using ServiceBot.Testing;

namespace ServiceBot.Infrastructure.Tests;

/// <summary>Paths in this repository, and running the npm tools tests/tools/install.sh installs.</summary>
internal static class Repository
{
    public static string Root => RepositoryFolder.Root;

    public static string PathOf(params string[] parts) => RepositoryFolder.PathOf(parts);

    /// <summary>An installed tool, or a failure that says how to install it (never a silent skip).</summary>
    public static string Tool(params string[] parts)
    {
        string tool = PathOf(parts);
        Assert.True(File.Exists(tool), $"{tool} is not installed: run tests/tools/install.sh (./test.sh does).");
        return tool;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory,
        IDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string key, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in time.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
