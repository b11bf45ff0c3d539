using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Seeding;
using ServiceBot.Sqlite;

namespace ServiceBot.Core.Tests;

/// <summary>A real SQLite file holding the sample customers, for the tests that run the agent against the store.</summary>
internal sealed class SeededCustomers : IAsyncDisposable
{
    private readonly string _path;
    private readonly SqliteDatabase _database;

    private SeededCustomers(string name)
    {
        _path = Path.Combine(Path.GetTempPath(), $"servicebot-{name}-{Guid.NewGuid():N}.db");
        _database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path }));
        Customers = new SqliteCustomerStore(_database);
    }

    public SqliteCustomerStore Customers { get; }

    public static async Task<SeededCustomers> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var seeded = new SeededCustomers(name);
        await seeded._database.InitializeAsync(cancellationToken);
        foreach (Customer customer in SeedData.Default.Customers)
        {
            await seeded.Customers.TryAddAsync(customer, cancellationToken);
        }

        return seeded;
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_path);
    }
}
