using ServiceBot.Core.Support;
using ServiceBot.Testing;

namespace ServiceBot.Sqlite.Tests;

/// <summary>The support queue and staff contract on a real SQLite file.</summary>
public sealed class SqliteSupportStoreContractTests : SupportStoreContractTests
{
    private readonly TemporaryDatabase _file = new("support");

    protected override async Task<(ISupportQueueStore Queue, IStaffStore Staff)> OpenAsync()
    {
        SqliteDatabase database = await _file.OpenAsync();
        return (new SqliteSupportQueueStore(database), new SqliteStaffStore(database));
    }

    public override async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        await base.DisposeAsync();
    }
}
