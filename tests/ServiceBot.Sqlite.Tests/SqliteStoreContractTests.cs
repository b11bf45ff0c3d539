using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
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
