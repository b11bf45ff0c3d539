using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Testing;

namespace ServiceBot.Sqlite.Tests;

/// <summary>A database file of its own for one test class, opened on first use and deleted with the test.</summary>
internal sealed class TemporaryDatabase(string name) : IAsyncDisposable
{
    private SqliteDatabase? _database;

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"servicebot-{name}-{Guid.NewGuid():N}.db");

    public async Task<SqliteDatabase> OpenAsync()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = Path }));
        await _database.InitializeAsync(TestContext.Current.CancellationToken);
        return _database;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        DatabaseFiles.Delete(Path);
    }
}
