using System.Diagnostics;

namespace ServiceBot.Testing;

/// <summary>Ending the processes a test started (a server, DynamoDB Local, a Lambda function).</summary>
public static class ChildProcesses
{
    /// <summary>Kills the process and everything it started, waits up to 10 s for it to end, and disposes it.</summary>
    public static async Task KillAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Never started, or gone already.
        }
        finally
        {
            process.Dispose();
        }
    }
}
