using ServiceBot.Core.Demand;
using ServiceBot.Testing;

namespace ServiceBot.Sqlite.Tests;

/// <summary>The upgrade demand contract on a real SQLite file.</summary>
public sealed class SqliteUpgradeDemandStoreContractTests : UpgradeDemandStoreContractTests
{
    private readonly TemporaryDatabase _file = new("demand");

    protected override async Task<IUpgradeDemandStore> OpenAsync()
    {
        SqliteDatabase database = await _file.OpenAsync();
        return new SqliteUpgradeDemandStore(database);
    }

    public override async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        await base.DisposeAsync();
    }
}
