using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Threading.Channels;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Handlers;

namespace ServiceBot.Server.Gateway;

/// <summary>
/// One open socket: a receive loop that hands each frame to the core, and its own send queue and writer,
/// so a slow client only ever waits on itself. Idle, it holds no buffer: one is rented when a frame arrives.
/// </summary>
internal sealed partial class WebSocketSession(
    WebSocket socket,
    ClientConnection connection,
    MessageHandler handler,
    ILogger logger)
{
    /// <summary>Frames waiting for a slow client; past this the client is too far behind and is dropped.</summary>
    private const int MaxQueuedFrames = 1024;

    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<byte[]> _outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(MaxQueuedFrames)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;
    private Task _busy = Task.CompletedTask;
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;

    public ClientConnection Connection => connection;

    public bool TrySend(byte[] frame)
    {
        if (_outgoing.Writer.TryWrite(frame))
        {
            return true;
        }

        if (socket.State == WebSocketState.Open && !_stopping)
        {
            LogTooSlow(logger, connection.ConnectionId);
            socket.Abort();
        }

        return false;
    }

    public async Task RunAsync(CancellationToken aborted)
    {
        Task writer = WriteLoopAsync();
        try
        {
            await ReceiveLoopAsync(aborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away; there is nobody left to tell.
        }
        finally
        {
            _outgoing.Writer.TryComplete();
            await writer;
        }
    }

    /// <summary>Stops taking frames, lets the reply in progress finish, then closes with 1001 (going away).</summary>
    public async Task ShutdownAsync()
    {
        _stopping = true;
        _closeStatus = WebSocketCloseStatus.EndpointUnavailable;
        await _busy;
        _outgoing.Writer.TryComplete();
    }

    private async Task ReceiveLoopAsync(CancellationToken aborted)
    {
        while (socket.State == WebSocketState.Open && !_stopping)
        {
            // A zero-byte read waits for data without holding a buffer for idle sockets.
            ValueWebSocketReceiveResult peek = await socket.ReceiveAsync(Memory<byte>.Empty, aborted);
            if (peek.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (peek.EndOfMessage)
            {
                // The peek read a whole message: an empty one. It is answered like any other bad frame.
                _busy = DispatchAsync(ReadOnlyMemory<byte>.Empty, peek.MessageType);
                await _busy;
                continue;
            }

            byte[] frame;
            WebSocketMessageType type;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(FrameLimits.MaxFrameBytes + 1);
            try
            {
                (int length, type, bool closed) = await ReadMessageAsync(buffer, aborted);
                if (closed || _stopping)
                {
                    return;
                }

                // The buffer goes back to the pool as soon as the frame is read, not after the reply: held through
                // every reply in progress, the pool ran dry under load and each frame cost a fresh 64 KB array.
                frame = buffer.AsSpan(0, length).ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            _busy = DispatchAsync(frame, type);
            await _busy;
        }
    }

    private async Task<(int Length, WebSocketMessageType Type, bool Closed)> ReadMessageAsync(byte[] buffer, CancellationToken aborted)
    {
        int length = 0;
        bool tooLarge = false;
        while (true)
        {
            Memory<byte> space = tooLarge ? buffer.AsMemory(0, buffer.Length) : buffer.AsMemory(length);
            ValueWebSocketReceiveResult result = await socket.ReceiveAsync(space, aborted);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (0, result.MessageType, true);
            }

            if (!tooLarge)
            {
                length += result.Count;
                tooLarge = length > FrameLimits.MaxFrameBytes;
            }

            if (result.EndOfMessage)
            {
                // A frame past the limit is read to its end and dropped; the reader reports it as too large.
                return (tooLarge ? buffer.Length : length, result.MessageType, false);
            }
        }
    }

    private Task DispatchAsync(ReadOnlyMemory<byte> frame, WebSocketMessageType type)
    {
        if (type == WebSocketMessageType.Binary)
        {
            TrySend(FrameJson.Serialize(new ErrorFrame(ErrorCodes.BadRequest, "Frames must be JSON text, not binary.")));
            return Task.CompletedTask;
        }

        // Not cancelled by shutdown: a reply in progress finishes and is stored.
        return handler.HandleAsync(connection, frame, CancellationToken.None);
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (byte[] frame in _outgoing.Reader.ReadAllAsync())
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                string reason = _closeStatus == WebSocketCloseStatus.EndpointUnavailable ? "server shutting down" : "bye";
                await socket.CloseOutputAsync(_closeStatus, reason, CancellationToken.None);

                // A client that never answers the close must not hold the server (or its shutdown) open.
                long closing = Stopwatch.GetTimestamp();
                while (socket.State != WebSocketState.Closed && Stopwatch.GetElapsedTime(closing) < CloseHandshakeTimeout)
                {
                    await Task.Delay(50);
                }

                if (socket.State != WebSocketState.Closed)
                {
                    socket.Abort();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket broke while writing; the receive loop ends with it.
            socket.Abort();
        }
        finally
        {
            _idle.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId} fell too far behind its frames and was closed")]
    private static partial void LogTooSlow(ILogger logger, string connectionId);
}
