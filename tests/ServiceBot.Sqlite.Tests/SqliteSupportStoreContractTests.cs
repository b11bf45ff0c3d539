using ServiceBot.Core.Support;
using ServiceBot.Testing;

namespace ServiceBot.Sqlite.Tests;

/// <summary>The support queue and staff contract on a real SQLite file.</summary>
public sealed class SqliteSupportStoreContractTests : SupportStoreContractTests
{
    private readonly TemporaryDatabase _file = new("support");
    private SqliteDatabase _database = null!;

    protected override async Task<(ISupportQueueStore Queue, IStaffStore Staff)> OpenAsync()
    {
        _database = await _file.OpenAsync();
        return (new SqliteSupportQueueStore(_database), new SqliteStaffStore(_database));
    }

    [Fact]
    public async Task A_store_opened_on_a_file_with_open_entries_finds_them_without_having_written_them()
    {
        await Queue.EnqueueAsync(new QueueEntry
        {
            ConversationId = "conv_restart", CustomerId = "cust_001", CustomerName = "John Doe", Tier = "premium",
            SupportPriority = "priority", RequestedAt = DateTimeOffset.UtcNow, Status = QueueStatuses.Waiting,
        }, TestContext.Current.CancellationToken);

        // As after a restart: a store that never saw the entry written.
        var after = new SqliteSupportQueueStore(_database);

        Assert.Equal(QueueStatuses.Waiting, (await after.FindOpenAsync("conv_restart", TestContext.Current.CancellationToken))?.Status);
        Assert.Null(await after.FindOpenAsync("conv_other", TestContext.Current.CancellationToken));
    }

    public override async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        await base.DisposeAsync();
    }
}
