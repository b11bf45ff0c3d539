using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceBot.Claude;

/// <summary>
/// The process's one connection to the Messages API: the official SDK on an HTTP client whose retries are ours
/// (the SDK's own are off, so a failure is retried once per policy, not twice), seen as an <see cref="IChatClient"/>.
/// </summary>
internal sealed class ClaudeConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly AnthropicClient _anthropic;

    public ClaudeConnection(IOptions<ClaudeOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        ClaudeOptions settings = options.Value;
        var transport = new SocketsHttpHandler
        {
            ConnectTimeout = settings.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(new ClaudeRetryHandler(settings, time, loggers.CreateLogger<ClaudeConnection>()) { InnerHandler = transport })
        {
            // Time is bounded by the retry handler (until headers) and by the stream watchdog (after them).
            Timeout = Timeout.InfiniteTimeSpan,
        };

        var client = new ClientOptions
        {
            HttpClient = _http,
            ApiKey = settings.ApiKey,
            MaxRetries = 0,
            Timeout = settings.RetryBudget + settings.AttemptTimeout,
        };
        if (settings.BaseUrl is { } baseUrl)
        {
            client.BaseUrl = baseUrl.ToString().TrimEnd('/');
        }

        _anthropic = new AnthropicClient(client);
        ChatClient = _anthropic.AsIChatClient(settings.Model, settings.MaxOutputTokens);
    }

    /// <summary>Thread-safe and shared by every reply.</summary>
    public IChatClient ChatClient { get; }

    public void Dispose()
    {
        ChatClient.Dispose();
        _anthropic.Dispose();
        _http.Dispose();
    }
}
