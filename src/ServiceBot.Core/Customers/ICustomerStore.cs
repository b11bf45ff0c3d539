namespace ServiceBot.Core.Customers;

/// <summary>The Customers table (partition key <c>id</c>).</summary>
public interface ICustomerStore
{
    Task<Customer?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Customer>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds the customer unless a row with its id exists; false when one did (nothing changes then).</summary>
    Task<bool> TryAddAsync(Customer customer, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the row only while it still has <c>customer.Version</c>, storing <c>Version + 1</c>;
    /// false when someone else changed it first (nothing changes then).
    /// </summary>
    Task<bool> TryReplaceAsync(Customer customer, CancellationToken cancellationToken);
}
