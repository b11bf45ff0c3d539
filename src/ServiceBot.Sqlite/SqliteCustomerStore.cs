using System.Text.Json;
using Microsoft.Data.Sqlite;
using ServiceBot.Core.Customers;

namespace ServiceBot.Sqlite;

public sealed class SqliteCustomerStore(SqliteDatabase database) : ICustomerStore
{
    public Task<Customer?> GetAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT version, data FROM customers WHERE id = $id;";
            command.Parameters.AddWithValue("$id", id);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
        }, cancellationToken);

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

    public Task<bool> TryAddAsync(Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return database.WriteAsync(connection =>
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "INSERT INTO customers (id, version, data) VALUES ($id, $version, $data) ON CONFLICT (id) DO NOTHING;";
            command.Parameters.AddWithValue("$id", customer.Id);
            command.Parameters.AddWithValue("$version", customer.Version);
            command.Parameters.AddWithValue("$data", JsonSerializer.Serialize(customer, StoreJson.Default.Customer));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    public Task<bool> TryReplaceAsync(Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        string data = JsonSerializer.Serialize(customer with { Version = customer.Version + 1 }, StoreJson.Default.Customer);
        return database.WriteAsync(connection =>
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "UPDATE customers SET version = version + 1, data = $data WHERE id = $id AND version = $version;";
            command.Parameters.AddWithValue("$id", customer.Id);
            command.Parameters.AddWithValue("$version", customer.Version);
            command.Parameters.AddWithValue("$data", data);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    private static Customer Read(SqliteDataReader reader) =>
        JsonSerializer.Deserialize(reader.GetString(1), StoreJson.Default.Customer)! with { Version = reader.GetInt64(0) };
}
