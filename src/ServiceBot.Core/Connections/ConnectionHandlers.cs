using Microsoft.Extensions.Logging;

namespace ServiceBot.Core.Connections;

/// <summary>$connect and $disconnect: the Connections table follows the sockets.</summary>
public sealed partial class ConnectionHandler(IConnectionStore connections, TimeProvider time, ILogger<ConnectionHandler> logger)
{
    public async Task<Connection> ConnectAsync(string connectionId, string customerId, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        var connection = new Connection(connectionId, customerId, now, now + Connection.Lifetime);
        await connections.AddAsync(connection, cancellationToken).ConfigureAwait(false);
        LogConnected(logger, connectionId, customerId);
        return connection;
    }

    public async Task DisconnectAsync(string connectionId, CancellationToken cancellationToken)
    {
        await connections.RemoveAsync(connectionId, cancellationToken).ConfigureAwait(false);
        LogDisconnected(logger, connectionId);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId} opened for {CustomerId}")]
    private static partial void LogConnected(ILogger logger, string connectionId, string customerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId} closed")]
    private static partial void LogDisconnected(ILogger logger, string connectionId);
}
