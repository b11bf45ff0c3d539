using System.Collections.Concurrent;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Frames;

namespace ServiceBot.Server.Gateway;

/// <summary>The open sockets of this process, by connection id: the core's outgoing-frame sink.</summary>
internal sealed class ConnectionRegistry : IClientChannel
{
    private readonly ConcurrentDictionary<string, WebSocketSession> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public void Add(WebSocketSession session) => _sessions[session.Connection.ConnectionId] = session;

    public void Remove(string connectionId) => _sessions.TryRemove(connectionId, out _);

    public ValueTask<bool> SendAsync(string connectionId, ServerFrame frame, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_sessions.TryGetValue(connectionId, out WebSocketSession? session) && session.TrySend(FrameJson.Serialize(frame)));

    public Task ShutdownAllAsync() => Task.WhenAll(_sessions.Values.Select(s => s.ShutdownAsync()));
}
