using System.Collections.Concurrent;
using ServiceBot.Core.Customers;

namespace ServiceBot.Sqlite;

/// <summary>
/// The customer rows this process has read or written, so that a chat message does not read and parse its customer's
/// row again (it was a twentieth of the server's CPU under load). This process is the file's only writer, and every
/// write it makes updates the cache; a row is only ever replaced by a newer version, so a slow read cannot bring an
/// old one back. A replace that loses a race forgets the row, so anything unexpected is read again from the file.
/// </summary>
internal sealed class CustomerCache(int capacity)
{
    private readonly ConcurrentDictionary<string, Customer> _rows = new(StringComparer.Ordinal);

    public bool TryGet(string id, out Customer customer) => _rows.TryGetValue(id, out customer!);

    /// <summary>Keeps <paramref name="customer"/> unless a newer version is already held.</summary>
    public void Offer(Customer customer)
    {
        if (_rows.Count >= capacity && !_rows.ContainsKey(customer.Id))
        {
            // Full: the customers already held stay fast, the rest are read from the file as before.
            return;
        }

        _rows.AddOrUpdate(customer.Id, customer, (_, held) => held.Version >= customer.Version ? held : customer);
    }

    public void Forget(string id) => _rows.TryRemove(id, out _);
}
