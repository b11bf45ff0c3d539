using System.Text.Json;
using Microsoft.Data.Sqlite;
using ServiceBot.Core.Customers;

namespace ServiceBot.Sqlite;

public sealed class SqliteCustomerStore(SqliteDatabase database) : ICustomerStore
{
    internal const string SelectById = "SELECT version, data FROM customers WHERE id = $id;";

    /// <summary>Customers kept in memory at most (a few KB each).</summary>
    private const int CachedCustomers = 10_000;

    private readonly CustomerCache _cache = new(CachedCustomers);

    public async Task<Customer?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (_cache.TryGet(id, out Customer cached))
        {
            return cached;
        }

        Customer? customer = await database.ReadAsync(async connection =>
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = SelectById;
            command.Parameters.AddWithValue("$id", id);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
        }, cancellationToken).ConfigureAwait(false);
        if (customer is not null)
        {
            _cache.Offer(customer);
        }

        return customer;
    }

    public Task<IReadOnlyList<Customer>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Customer>>(async connection =>
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT version, data FROM customers ORDER BY id;";
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var customers = new List<Customer>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                customers.Add(Read(reader));
            }

            return customers;
        }, cancellationToken);

    public async Task<bool> TryAddAsync(Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        bool added = await database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command("INSERT INTO customers (id, version, data) VALUES ($id, $version, $data) ON CONFLICT (id) DO NOTHING;");
            command.Parameters.AddWithValue("$id", customer.Id);
            command.Parameters.AddWithValue("$version", customer.Version);
            command.Parameters.AddWithValue("$data", JsonSerializer.Serialize(customer, StoreJson.Default.Customer));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);
        if (added)
        {
            _cache.Offer(customer);
        }

        return added;
    }

    public async Task<bool> TryReplaceAsync(Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        Customer next = customer with { Version = customer.Version + 1 };
        string data = JsonSerializer.Serialize(next, StoreJson.Default.Customer);
        bool replaced = await database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command("UPDATE customers SET version = version + 1, data = $data WHERE id = $id AND version = $version;");
            command.Parameters.AddWithValue("$id", customer.Id);
            command.Parameters.AddWithValue("$version", customer.Version);
            command.Parameters.AddWithValue("$data", data);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);
        if (replaced)
        {
            _cache.Offer(next);
        }
        else
        {
            _cache.Forget(customer.Id);
        }

        return replaced;
    }

    private static Customer Read(SqliteDataReader reader) =>
        JsonSerializer.Deserialize(reader.GetString(1), StoreJson.Default.Customer)! with { Version = reader.GetInt64(0) };
}
