using System.Text;
using Microsoft.Extensions.Logging;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Frames;

namespace ServiceBot.Lambda.Gateway;

/// <summary>
/// The core's outgoing-frame sink on AWS: frames become PostToConnection calls on the API that sent the event
/// being handled. <c>delta</c> frames are batched so that posts are at least <see cref="DeltaInterval"/> apart
/// (each post is a signed HTTPS round trip, paid for per message); any other frame first flushes the text
/// waiting before it, so the client sees everything in order.
/// </summary>
internal sealed partial class GatewayChannel(IConnectionsApi api, TimeProvider time, ILogger<GatewayChannel> logger) : IClientChannel
{
    internal static readonly TimeSpan DeltaInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Past this much waiting text a delta goes out at once: a large post amortises itself.</summary>
    private const int MaxPendingChars = 8 * 1024;

    private static readonly AsyncLocal<GatewaySession?> Current = new();

    /// <summary>Starts handling one event whose frames go to <paramref name="endpoint"/> (<c>https://{domain}/{stage}</c>).</summary>
    public GatewaySession Open(Uri endpoint)
    {
        var session = new GatewaySession(this, endpoint);
        Current.Value = session;
        return session;
    }

    public ValueTask<bool> SendAsync(string connectionId, ServerFrame frame, CancellationToken cancellationToken)
    {
        GatewaySession session = Current.Value
            ?? throw new InvalidOperationException("Frames can only be sent while a WebSocket event is handled (no @connections endpoint is known).");
        return session.SendAsync(connectionId, frame, cancellationToken);
    }

    /// <summary>The frames to one API endpoint during one invocation, with each connection's waiting text.</summary>
    internal sealed class GatewaySession(GatewayChannel channel, Uri endpoint)
    {
        private readonly Dictionary<string, ConnectionState> _connections = new(StringComparer.Ordinal);

        public Uri Endpoint => endpoint;

        public async ValueTask<bool> SendAsync(string connectionId, ServerFrame frame, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(frame);
            if (!_connections.TryGetValue(connectionId, out ConnectionState? state))
            {
                state = new ConnectionState();
                _connections[connectionId] = state;
            }

            if (state.Gone)
            {
                return false;
            }

            if (frame is DeltaFrame delta)
            {
                if (state.PendingConversation is not null && state.PendingConversation != delta.ConversationId
                    && !await FlushAsync(connectionId, state, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                state.Pending.Append(delta.Text);
                state.PendingConversation = delta.ConversationId;
                DateTimeOffset now = channel._time.GetUtcNow();
                bool due = state.LastDeltaPost is not { } last || now - last >= DeltaInterval || state.Pending.Length >= MaxPendingChars;
                return !due || await FlushAsync(connectionId, state, cancellationToken).ConfigureAwait(false);
            }

            return await FlushAsync(connectionId, state, cancellationToken).ConfigureAwait(false)
                && await PostAsync(connectionId, state, frame, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Posts the text still waiting for <paramref name="connectionId"/>; false when the connection is gone.</summary>
        public async ValueTask<bool> FlushAsync(string connectionId, CancellationToken cancellationToken) =>
            !_connections.TryGetValue(connectionId, out ConnectionState? state) || await FlushAsync(connectionId, state, cancellationToken).ConfigureAwait(false);

        private async ValueTask<bool> FlushAsync(string connectionId, ConnectionState state, CancellationToken cancellationToken)
        {
            if (state.Gone)
            {
                return false;
            }

            if (state.Pending.Length == 0 || state.PendingConversation is null)
            {
                return true;
            }

            var delta = new DeltaFrame(state.PendingConversation, state.Pending.ToString());
            state.Pending.Clear();
            state.PendingConversation = null;
            state.LastDeltaPost = channel._time.GetUtcNow();
            return await PostAsync(connectionId, state, delta, cancellationToken).ConfigureAwait(false);
        }

        private async ValueTask<bool> PostAsync(string connectionId, ConnectionState state, ServerFrame frame, CancellationToken cancellationToken)
        {
            IReadOnlyList<byte[]> pieces = FrameFitter.Fit(frame);
            foreach (byte[] piece in pieces)
            {
                if (piece.Length > FrameFitter.MaxFrameBytes)
                {
                    LogOversized(channel._logger, frame.GetType().Name, piece.Length);
                }

                PostOutcome outcome = await channel._api.PostToConnectionAsync(endpoint, connectionId, piece, cancellationToken).ConfigureAwait(false);
                if (outcome == PostOutcome.Gone)
                {
                    state.Gone = true;
                    state.Pending.Clear();
                    return false;
                }
            }

            return true;
        }
    }

    private sealed class ConnectionState
    {
        public StringBuilder Pending { get; } = new();

        public string? PendingConversation { get; set; }

        public DateTimeOffset? LastDeltaPost { get; set; }

        public bool Gone { get; set; }
    }

    private readonly IConnectionsApi _api = api;
    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Frame} frame of {Bytes} bytes is above the 32 KB frame size")]
    private static partial void LogOversized(ILogger logger, string frame, int bytes);
}
