using Amazon.DynamoDBv2;
using ServiceBot.Core.Scheduling;
using ServiceBot.Testing;

namespace ServiceBot.DynamoDb.Tests;

/// <summary>The scheduled-job store contract on DynamoDB Local: the due query on DueIndex, claims by conditional update.</summary>
public sealed class DynamoDbScheduledJobStoreTests(DynamoDbLocal local) : ScheduledJobStoreContractTests
{
    private AmazonDynamoDBClient? _client;
    private DynamoDbTables? _tables;

    protected override async Task<IScheduledJobStore> OpenAsync()
    {
        _client = local.CreateClient();
        _tables = DynamoDbTables.FromPrefix(DynamoDbLocal.NewTablePrefix("jobs"));
        await new DynamoDbTableInitializer(_client, _tables).InitializeAsync(TestContext.Current.CancellationToken);
        return new DynamoDbScheduledJobStore(_client, _tables);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_client is not null && _tables is not null)
        {
            await Tables.DeleteAsync(_client, _tables);
        }

        _client?.Dispose();
        await base.DisposeAsync();
    }
}
