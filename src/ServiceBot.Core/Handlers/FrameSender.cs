using ServiceBot.Core.Connections;
using ServiceBot.Core.Frames;

namespace ServiceBot.Core.Handlers;

/// <summary>Sends frames to a connection and forgets the connection when the host says it is gone.</summary>
public sealed class FrameSender(IClientChannel channel, IConnectionStore connections)
{
    /// <summary>False when the connection is gone; its row is removed then.</summary>
    public async ValueTask<bool> SendAsync(string connectionId, ServerFrame frame, CancellationToken cancellationToken)
    {
        if (await channel.SendAsync(connectionId, frame, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        await connections.RemoveAsync(connectionId, CancellationToken.None).ConfigureAwait(false);
        return false;
    }
}
