using ServiceBot.Core.Frames;

namespace ServiceBot.Core.Connections;

/// <summary>The outgoing-frame sink: a host delivers a frame to one connection (a Kestrel socket, or PostToConnection).</summary>
public interface IClientChannel
{
    /// <summary>Sends the frame; false when the connection is gone, so the caller can forget it.</summary>
    ValueTask<bool> SendAsync(string connectionId, ServerFrame frame, CancellationToken cancellationToken);
}
