using Microsoft.Data.Sqlite;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Conversations;

namespace ServiceBot.Sqlite;

public sealed class SqliteConnectionStore(SqliteDatabase database) : IConnectionStore
{
    internal const string SelectLive = "SELECT connection_id, user_id, connection_time, ttl FROM connections WHERE connection_id = $id AND ttl > $now;";

    public Task AddAsync(Connection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command("""
                INSERT INTO connections (connection_id, user_id, connection_time, ttl) VALUES ($id, $user, $time, $ttl)
                ON CONFLICT (connection_id) DO UPDATE SET user_id = excluded.user_id, connection_time = excluded.connection_time, ttl = excluded.ttl;
                """);
            command.Parameters.AddWithValue("$id", connection.ConnectionId);
            command.Parameters.AddWithValue("$user", connection.UserId);
            command.Parameters.AddWithValue("$time", Timestamps.ToKey(connection.ConnectionTime));
            command.Parameters.AddWithValue("$ttl", connection.Ttl.ToUnixTimeSeconds());
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task<Connection?> GetAsync(string connectionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(async db =>
        {
            await using SqliteCommand command = db.CreateCommand();
            command.CommandText = SelectLive;
            command.Parameters.AddWithValue("$id", connectionId);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new Connection(reader.GetString(0), reader.GetString(1), Timestamps.FromKey(reader.GetString(2)), DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(3)))
                : null;
        }, cancellationToken);

    internal const string SelectByUser = "SELECT connection_id, user_id, connection_time, ttl FROM connections WHERE user_id = $user AND ttl > $now;";

    public Task<IReadOnlyList<Connection>> ListByUserAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Connection>>(async db =>
        {
            await using SqliteCommand command = db.CreateCommand();
            command.CommandText = SelectByUser;
            command.Parameters.AddWithValue("$user", userId);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var found = new List<Connection>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(new Connection(reader.GetString(0), reader.GetString(1), Timestamps.FromKey(reader.GetString(2)), DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(3))));
            }

            return found;
        }, cancellationToken);

    public Task RemoveAsync(string connectionId, CancellationToken cancellationToken) =>
        database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command("DELETE FROM connections WHERE connection_id = $id;");
            command.Parameters.AddWithValue("$id", connectionId);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<int> SweepExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command("DELETE FROM connections WHERE ttl <= $now;");
            command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
            return command.ExecuteNonQuery();
        }, cancellationToken);
}
