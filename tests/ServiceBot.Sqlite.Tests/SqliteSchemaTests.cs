using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ServiceBot.Sqlite.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"servicebot-schema-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_new_file_gets_the_seeds_tables_in_WAL_mode()
    {
        await using (var database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path })))
        {
            await database.InitializeAsync(TestContext.Current.CancellationToken);
        }

        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteSchema.Migrations.Count, Scalar(connection, "PRAGMA user_version;"));
        string tables = string.Join(",", Rows(connection, "SELECT name FROM sqlite_master WHERE type IN ('table','index') AND name NOT LIKE 'sqlite_%' ORDER BY name;"));
        Assert.Contains("customers", tables);
        Assert.Contains("service_levels", tables);
        Assert.Contains("messages", tables);
        Assert.Contains("connections", tables);
        Assert.Contains("UserIdIndex", tables);
    }

    [Fact]
    public async Task Opening_twice_migrates_once_and_keeps_data()
    {
        var options = Options.Create(new SqliteOptions { DatabasePath = _path });
        await using (var first = new SqliteDatabase(options))
        {
            await first.InitializeAsync(TestContext.Current.CancellationToken);
            await new SqliteServiceLevelStore(first).PutAsync(Core.Seeding.SeedData.Default.ServiceLevels[0], TestContext.Current.CancellationToken);
        }

        await using var second = new SqliteDatabase(options);
        await second.InitializeAsync(TestContext.Current.CancellationToken);
        Assert.Single(await new SqliteServiceLevelStore(second).ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_file_of_the_first_schema_gets_the_keyed_lookup_index_and_keeps_its_messages()
    {
        using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            connection.Open();
            Scalar(connection, SqliteSchema.Migrations[0] + "PRAGMA user_version = 1;");
            Scalar(connection, "INSERT INTO messages VALUES ('conv_1', '2026-01-01T00:00:00.0000000Z', 'cust_002', 'customer', 'm1', '{\"text\":\"hi\"}');");
        }

        await using (var database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path })))
        {
            await database.InitializeAsync(TestContext.Current.CancellationToken);
            var found = await new SqliteMessageStore(database).FindByClientMessageIdAsync("cust_002", "m1", null, TestContext.Current.CancellationToken);
            Assert.Equal("hi", Assert.Single(found).Text);
        }

        using var check = new SqliteConnection($"Data Source={_path};Pooling=False");
        check.Open();
        Assert.Equal(["user_id", "client_message_id", "timestamp"], Rows(check, "SELECT name FROM pragma_index_info('messages_by_client_message_id') ORDER BY seqno;"));
    }

    [Fact]
    public async Task A_queue_entry_from_before_entries_had_a_language_reads_as_English_after_the_migration()
    {
        using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            connection.Open();
            Scalar(connection, string.Concat(SqliteSchema.Migrations.Take(5)) + "PRAGMA user_version = 5;");
            Scalar(connection, "INSERT INTO support_queue VALUES ('conv_old', 'cust_002', 'John Doe', 'premium', 'priority', '2026-01-01T00:00:00.0000000Z', 'waiting', NULL, NULL, NULL);");
        }

        await using var database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path }));
        await database.InitializeAsync(TestContext.Current.CancellationToken);
        var queue = new SqliteSupportQueueStore(database);
        Assert.Equal(Core.Analysis.Language.English, (await queue.FindAsync("conv_old", TestContext.Current.CancellationToken))!.Language);
    }

    [Fact]
    public async Task A_file_from_a_newer_version_is_refused_with_a_sentence()
    {
        using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        await using var database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path }));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InitializeAsync(TestContext.Current.CancellationToken));
        Assert.Contains("newer ServiceBot", error.Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_path);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
