using Microsoft.Data.Sqlite;
using ServiceBot.Core.Support;

namespace ServiceBot.Sqlite;

public sealed class SqliteStaffStore(SqliteDatabase database) : IStaffStore
{
    public Task<StaffMember?> GetAsync(string staffId, CancellationToken cancellationToken) =>
        database.ReadAsync(async db =>
        {
            await using SqliteCommand command = db.CreateCommand();
            command.CommandText = "SELECT id, name FROM staff WHERE id = $id;";
            command.Parameters.AddWithValue("$id", staffId);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new StaffMember(reader.GetString(0), reader.GetString(1)) : null;
        }, cancellationToken);

    public Task PutAsync(StaffMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command("INSERT INTO staff (id, name) VALUES ($id, $name) ON CONFLICT (id) DO UPDATE SET name = excluded.name;");
            command.Parameters.AddWithValue("$id", member.Id);
            command.Parameters.AddWithValue("$name", member.Name);
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task AddConnectionAsync(StaffConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command("""
                INSERT INTO staff_connections (connection_id, staff_id, ttl) VALUES ($id, $staff, $ttl)
                ON CONFLICT (connection_id) DO UPDATE SET staff_id = excluded.staff_id, ttl = excluded.ttl;
                """);
            command.Parameters.AddWithValue("$id", connection.ConnectionId);
            command.Parameters.AddWithValue("$staff", connection.StaffId);
            command.Parameters.AddWithValue("$ttl", connection.Ttl.ToUnixTimeSeconds());
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task RemoveConnectionAsync(string connectionId, CancellationToken cancellationToken) =>
        database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command("DELETE FROM staff_connections WHERE connection_id = $id;");
            command.Parameters.AddWithValue("$id", connectionId);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<IReadOnlyList<StaffConnection>> ListConnectionsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StaffConnection>>(async db =>
        {
            await using SqliteCommand command = db.CreateCommand();
            command.CommandText = "SELECT connection_id, staff_id, ttl FROM staff_connections WHERE ttl > $now ORDER BY connection_id;";
            command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var consoles = new List<StaffConnection>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                consoles.Add(new StaffConnection(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2))));
            }

            return consoles;
        }, cancellationToken);
}
