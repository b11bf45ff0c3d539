using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ServiceBot.Claude;

/// <summary>
/// Retries one Messages API call the way Anthropic asks clients to: on 429, 5xx and 529 (overloaded) answers and on
/// network errors, with jittered exponential back-off that waits as long as <c>retry-after</c> says, at most
/// <see cref="ClaudeOptions.MaxAttempts"/> tries and <see cref="ClaudeOptions.RetryBudget"/> in all. A wait that would
/// end past the budget is not started: the caller falls back at once instead of keeping the customer waiting.
/// It sits inside the HTTP client, so it retries until the response headers arrive; a stream cut after that is
/// the agent's to handle.
/// </summary>
internal sealed partial class ClaudeRetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<long> StartedKey = new("servicebot.claude.started");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;
    private readonly TimeSpan _budget;
    private readonly ILogger _logger;

    public ClaudeRetryHandler(ClaudeOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _budget = options.RetryBudget;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.RetryBudget });
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryBudget,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
                OnRetry = args =>
                {
                    ClaudeMetrics.Retried(Reason(args.Outcome));
                    LogRetry(_logger, args.AttemptNumber + 1, Reason(args.Outcome), args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        _pipeline = builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A request message can be sent once, so every try sends a copy made from the buffered body.
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StartedKey, _time.GetTimestamp());
        try
        {
            Outcome<HttpResponseMessage> outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    // The copy stays alive with its response (which refers to it); it holds only a byte array.
                    HttpRequestMessage copy = Copy(state.Request, state.Body);
                    try
                    {
                        return Outcome.FromResult(await state.Handler.BaseSendAsync(copy, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !state.CancellationToken.IsCancellationRequested)
                    {
                        copy.Dispose();
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request, Body: body, CancellationToken: cancellationToken)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> BaseSendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or TimeoutRejectedException or IOException;
        }

        HttpResponseMessage response = outcome.Result!;
        if (response.Headers.TryGetValues("x-should-retry", out IEnumerable<string>? advice)
            && bool.TryParse(advice.FirstOrDefault(), out bool should) && !should)
        {
            return false;
        }

        if (!IsTransient(response.StatusCode))
        {
            return false;
        }

        // Waiting past the budget would only end in the fallback later; better to fall back now.
        TimeSpan spent = _time.GetElapsedTime(context.Properties.GetValue(StartedKey, _time.GetTimestamp()));
        return RetryAfter(response) is not { } wait || spent + wait < _budget;
    }

    private static bool IsTransient(HttpStatusCode status) => (int)status is 429 or 500 or 502 or 503 or 504 or 529;

    /// <summary>The server's requested wait: <c>retry-after-ms</c> when present (finer), else <c>retry-after</c> in seconds or as a date.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out IEnumerable<string>? ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out double millis)
            && double.IsFinite(millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        RetryConditionHeaderValue? after = response.Headers.RetryAfter;
        if (after?.Delta is { } delta)
        {
            return delta;
        }

        if (after?.Date is { } date)
        {
            TimeSpan wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string Reason(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name : ((int)outcome.Result!.StatusCode).ToString(CultureInfo.InvariantCulture);

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (KeyValuePair<string, IEnumerable<string>> header in request.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claude call failed ({Reason}); try {Attempt} in {DelayMs:F0} ms")]
    private static partial void LogRetry(ILogger logger, int attempt, string reason, double delayMs);
}
