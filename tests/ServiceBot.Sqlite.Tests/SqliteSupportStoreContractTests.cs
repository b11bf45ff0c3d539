using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Support;
using ServiceBot.Testing;

namespace ServiceBot.Sqlite.Tests;

/// <summary>The support queue and staff contract on a real SQLite file.</summary>
public sealed class SqliteSupportStoreContractTests : SupportStoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"servicebot-support-{Guid.NewGuid():N}.db");
    private SqliteDatabase? _database;

    protected override async Task<(ISupportQueueStore Queue, IStaffStore Staff)> OpenAsync()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path }));
        await _database.InitializeAsync(TestContext.Current.CancellationToken);
        return (new SqliteSupportQueueStore(_database), new SqliteStaffStore(_database));
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
