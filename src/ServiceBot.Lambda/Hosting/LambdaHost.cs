using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceBot.Lambda.Runtime;

namespace ServiceBot.Lambda.Hosting;

/// <summary>Starts the function named by <c>_HANDLER</c> against the Runtime API at <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
internal static class LambdaHost
{
    public static async Task<int> RunAsync(Func<string, string?> env, CancellationToken stopping)
    {
        string? runtimeApi = env("AWS_LAMBDA_RUNTIME_API");
        string? handler = env("_HANDLER");
        if (string.IsNullOrEmpty(runtimeApi) || string.IsNullOrEmpty(handler))
        {
            await Console.Error.WriteLineAsync(
                "ServiceBot.Lambda is a Lambda custom runtime: set _HANDLER (authorize, connect, disconnect, message, seed, http or schedule) " +
                "and AWS_LAMBDA_RUNTIME_API (host:port of the Runtime API), plus MESSAGES_TABLE, CUSTOMERS_TABLE, SERVICE_LEVELS_TABLE, " +
                "CONNECTIONS_TABLE, GUARDS_TABLE, SCHEDULE_TABLE, UPGRADE_DEMAND_TABLE and SUPPORT_TABLE.").ConfigureAwait(false);
            return 2;
        }

        using var runtime = new LambdaRuntimeClient(runtimeApi);
        ServiceProvider services;
        try
        {
            services = await LambdaComposition.BuildAsync(handler, env, stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Lambda shows this in the function's logs and stops the instance; the next event starts a fresh one.
            await Console.Error.WriteLineAsync($"ServiceBot.Lambda could not start {handler}: {ex.Message}").ConfigureAwait(false);
            try
            {
                await runtime.ReportInitErrorAsync(LambdaError.From(ex), CancellationToken.None).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                // Nobody to tell; the exit code says it.
            }

            return 1;
        }

        await using (services.ConfigureAwait(false))
        {
            var loop = new LambdaRuntimeLoop(runtime, services.GetRequiredService<ILambdaFunction>(), TimeProvider.System,
                services.GetRequiredService<ILogger<LambdaRuntimeLoop>>());
            return await loop.RunAsync(stopping).ConfigureAwait(false);
        }
    }
}
