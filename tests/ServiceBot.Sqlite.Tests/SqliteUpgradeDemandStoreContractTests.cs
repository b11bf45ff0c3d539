using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Demand;
using ServiceBot.Testing;

namespace ServiceBot.Sqlite.Tests;

/// <summary>The upgrade demand contract on a real SQLite file.</summary>
public sealed class SqliteUpgradeDemandStoreContractTests : UpgradeDemandStoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"servicebot-demand-{Guid.NewGuid():N}.db");
    private SqliteDatabase? _database;

    protected override async Task<IUpgradeDemandStore> OpenAsync()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path }));
        await _database.InitializeAsync(TestContext.Current.CancellationToken);
        return new SqliteUpgradeDemandStore(_database);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        DatabaseFiles.Delete(_path);
        await base.DisposeAsync();
    }
}
