namespace ServiceBot.Core.Connections;

/// <summary>The Connections table (partition key <c>connectionId</c>, <c>ttl</c> for clean-up).</summary>
public interface IConnectionStore
{
    Task AddAsync(Connection connection, CancellationToken cancellationToken);

    /// <summary>The live connection, or null when it is gone or its ttl has passed.</summary>
    Task<Connection?> GetAsync(string connectionId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The customer's live connections (every open tab or device), to push what happened while no frame asked.</summary>
    Task<IReadOnlyList<Connection>> ListByUserAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken);

    Task RemoveAsync(string connectionId, CancellationToken cancellationToken);

    /// <summary>Deletes rows whose ttl has passed; returns how many.</summary>
    Task<int> SweepExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
