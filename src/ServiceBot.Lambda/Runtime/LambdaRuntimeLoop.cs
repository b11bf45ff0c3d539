using Microsoft.Extensions.Logging;

namespace ServiceBot.Lambda.Runtime;

/// <summary>
/// The custom runtime's event loop: next, invoke, respond (or report the error), for as long as the
/// instance lives. An invocation is cancelled shortly before its deadline so it can still answer.
/// </summary>
internal sealed partial class LambdaRuntimeLoop(ILambdaRuntimeApi runtime, ILambdaFunction function, TimeProvider time, ILogger<LambdaRuntimeLoop> logger)
{
    /// <summary>Time kept back from the deadline to post the answer.</summary>
    internal static readonly TimeSpan AnswerReserve = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs until <paramref name="stopping"/> is cancelled or the Runtime API goes away; returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            LambdaInvocation invocation;
            try
            {
                invocation = await runtime.NextAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return 0;
            }
            catch (HttpRequestException ex)
            {
                // Outside Lambda (a local run whose emulator stopped) there is nothing more to serve.
                LogRuntimeGone(logger, ex);
                return 1;
            }

            await InvokeAsync(invocation, stopping).ConfigureAwait(false);
        }

        return 0;
    }

    internal async Task InvokeAsync(LambdaInvocation invocation, CancellationToken stopping)
    {
        // X-Ray and the AWS SDK read the trace id of the current invocation from this variable.
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
        TimeSpan left = invocation.Deadline - time.GetUtcNow() - AnswerReserve;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        if (invocation.Deadline != DateTimeOffset.MaxValue)
        {
            deadline.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        byte[] response;
        try
        {
            response = await function.InvokeAsync(invocation, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (ex is not LambdaFunctionException)
            {
                LogInvocationFailed(logger, ex, invocation.RequestId);
            }

            await AnswerAsync(() => runtime.ReportErrorAsync(invocation.RequestId, LambdaError.From(ex), CancellationToken.None), invocation.RequestId).ConfigureAwait(false);
            return;
        }

        await AnswerAsync(() => runtime.RespondAsync(invocation.RequestId, response, CancellationToken.None), invocation.RequestId).ConfigureAwait(false);
    }

    private async Task AnswerAsync(Func<Task> answer, string requestId)
    {
        try
        {
            await answer().ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            // Refused (too large, or the invocation already timed out): Lambda records the failure itself.
            LogAnswerRefused(logger, ex, requestId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Invocation {RequestId} failed")]
    private static partial void LogInvocationFailed(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Runtime API refused the answer to {RequestId}")]
    private static partial void LogAnswerRefused(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Runtime API is gone; stopping")]
    private static partial void LogRuntimeGone(ILogger logger, Exception exception);
}
