using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Customers;
using ServiceBot.Testing;

namespace ServiceBot.Sqlite.Tests;

/// <summary>The store contract on a real SQLite file.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"servicebot-contract-{Guid.NewGuid():N}.db");
    private SqliteDatabase? _database;

    protected override async Task<StoreSet> OpenAsync()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path }));
        await _database.InitializeAsync(TestContext.Current.CancellationToken);
        return new StoreSet(
            new SqliteCustomerStore(_database),
            new SqliteServiceLevelStore(_database),
            new SqliteMessageStore(_database),
            new SqliteConnectionStore(_database));
    }

    [Fact]
    public async Task A_row_stored_before_device_diagnostics_existed_still_reads()
    {
        await using (var connection = new SqliteConnection($"Data Source={_path}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using SqliteCommand insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO customers (id, version, data) VALUES ('cust_old', 3, $data);";
            insert.Parameters.AddWithValue("$data", """
                {"id":"cust_old","name":"Old Row","serviceLevel":"basic","devices":[{"id":"dev_old","type":"SmartSpeaker","name":"Old Speaker","location":"kitchen","power":"on","volume":40,"status":"online","nowPlaying":null}],"routines":[]}
                """);
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        Device device = Assert.Single((await Stores.Customers.GetAsync("cust_old", TestContext.Current.CancellationToken))!.Devices);

        Assert.Equal(("Old Speaker", 40), (device.Name, device.Volume));
        Assert.Equal((null, null, null), (device.Signal, device.Firmware, device.LastSeen));
    }

    public override async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_path);

        await base.DisposeAsync();
    }
}
