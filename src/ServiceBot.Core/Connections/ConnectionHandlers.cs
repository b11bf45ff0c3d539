using Microsoft.Extensions.Logging;
using ServiceBot.Core.Support;

namespace ServiceBot.Core.Connections;

/// <summary>$connect and $disconnect: the Connections table follows the sockets.</summary>
public sealed partial class ConnectionHandler(IConnectionStore connections, IStaffStore staff, TimeProvider time, ILogger<ConnectionHandler> logger)
{
    public async Task<Connection> ConnectAsync(string connectionId, string customerId, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        var connection = new Connection(connectionId, customerId, now, now + Connection.Lifetime);
        await connections.AddAsync(connection, cancellationToken).ConfigureAwait(false);
        LogConnected(logger, connectionId, customerId);
        return connection;
    }

    /// <summary>A support console: recorded like any connection, and among the staff connections that queue changes reach.</summary>
    public async Task<Connection> ConnectStaffAsync(string connectionId, string staffId, CancellationToken cancellationToken)
    {
        Connection connection = await ConnectAsync(connectionId, staffId, cancellationToken).ConfigureAwait(false);
        await staff.AddConnectionAsync(new StaffConnection(connectionId, staffId, connection.Ttl), cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public async Task DisconnectAsync(string connectionId, CancellationToken cancellationToken)
    {
        await connections.RemoveAsync(connectionId, cancellationToken).ConfigureAwait(false);
        LogDisconnected(logger, connectionId);
    }

    public async Task DisconnectStaffAsync(string connectionId, CancellationToken cancellationToken)
    {
        await staff.RemoveConnectionAsync(connectionId, cancellationToken).ConfigureAwait(false);
        await DisconnectAsync(connectionId, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId} opened for {CustomerId}")]
    private static partial void LogConnected(ILogger logger, string connectionId, string customerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId} closed")]
    private static partial void LogDisconnected(ILogger logger, string connectionId);
}
