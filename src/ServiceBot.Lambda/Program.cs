using System.Runtime.InteropServices;
using ServiceBot.Lambda.Hosting;

// SIGTERM (Lambda shutting the instance down, or a local run stopped) ends the loop between invocations.
using var stopping = new CancellationTokenSource();
using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopping.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};

return await LambdaHost.RunAsync(Environment.GetEnvironmentVariable, stopping.Token);
