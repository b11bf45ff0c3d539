namespace ServiceBot.Core.Customers;

/// <summary>
/// Read-modify-write of one customer that never loses a parallel update: it retries the change
/// on the fresh row whenever another writer got there first.
/// </summary>
public sealed class CustomerUpdater(ICustomerStore store)
{
    private const int MaxAttempts = 50;

    /// <summary>
    /// Applies <paramref name="change"/> to the stored customer. The change returns null to leave the row as it is.
    /// Returns the customer as stored afterwards, or null when the customer does not exist.
    /// </summary>
    public Task<Customer?> UpdateAsync(string customerId, Func<Customer, Customer?> change, CancellationToken cancellationToken) =>
        UpdateAsync(customerId, known: null, change, cancellationToken);

    /// <summary>As above, trying first on <paramref name="known"/> (a row just read) to save a read when nobody raced us.</summary>
    public async Task<Customer?> UpdateAsync(string customerId, Customer? known, Func<Customer, Customer?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            Customer? current = attempt == 0 && known is not null
                ? known
                : await store.GetAsync(customerId, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            Customer? changed = change(current);
            if (changed is null)
            {
                return current;
            }

            changed = changed with { Version = current.Version };
            if (await store.TryReplaceAsync(changed, cancellationToken).ConfigureAwait(false))
            {
                return changed with { Version = current.Version + 1 };
            }

            // Someone else wrote first: back off a little so hot rows settle, then retry on their version.
            await Task.Delay(Random.Shared.Next(0, 2 + attempt), cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"Customer {customerId} kept changing under {MaxAttempts} attempts to update it.");
    }
}
