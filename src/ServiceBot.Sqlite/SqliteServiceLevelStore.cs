using System.Text.Json;
using Microsoft.Data.Sqlite;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Sqlite;

public sealed class SqliteServiceLevelStore(SqliteDatabase database) : IServiceLevelStore
{
    public Task<ServiceLevel?> GetAsync(string level, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT data FROM service_levels WHERE level = $level;";
            command.Parameters.AddWithValue("$level", level);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string data
                ? JsonSerializer.Deserialize(data, StoreJson.Default.ServiceLevel)
                : null;
        }, cancellationToken);

    public Task<IReadOnlyList<ServiceLevel>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ServiceLevel>>(async connection =>
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT data FROM service_levels ORDER BY level;";
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var levels = new List<ServiceLevel>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                levels.Add(JsonSerializer.Deserialize(reader.GetString(0), StoreJson.Default.ServiceLevel)!);
            }

            return levels;
        }, cancellationToken);

    public Task PutAsync(ServiceLevel level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(level);
        return database.WriteAsync(writer =>
        {
            SqliteCommand command = writer.Command("INSERT INTO service_levels (level, data) VALUES ($level, $data) ON CONFLICT (level) DO UPDATE SET data = excluded.data;");
            command.Parameters.AddWithValue("$level", level.Level);
            command.Parameters.AddWithValue("$data", JsonSerializer.Serialize(level, StoreJson.Default.ServiceLevel));
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }
}
