namespace ServiceBot.Core.Support;

/// <summary>The support team (seeded) and their open console connections.</summary>
public interface IStaffStore
{
    Task<StaffMember?> GetAsync(string staffId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the member (the seed).</summary>
    Task PutAsync(StaffMember member, CancellationToken cancellationToken);

    Task AddConnectionAsync(StaffConnection connection, CancellationToken cancellationToken);

    Task RemoveConnectionAsync(string connectionId, CancellationToken cancellationToken);

    /// <summary>Every staff connection whose ttl has not passed.</summary>
    Task<IReadOnlyList<StaffConnection>> ListConnectionsAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
