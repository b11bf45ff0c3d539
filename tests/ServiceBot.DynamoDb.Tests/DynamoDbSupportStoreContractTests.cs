using Amazon.DynamoDBv2;
using ServiceBot.Core.Support;
using ServiceBot.Testing;

namespace ServiceBot.DynamoDb.Tests;

/// <summary>The support queue and staff contract on DynamoDB Local, each test on tables of its own.</summary>
public sealed class DynamoDbSupportStoreContractTests(DynamoDbLocal local) : SupportStoreContractTests
{
    private AmazonDynamoDBClient? _client;
    private DynamoDbTables? _tables;

    protected override async Task<(ISupportQueueStore Queue, IStaffStore Staff)> OpenAsync()
    {
        _client = local.CreateClient();
        _tables = DynamoDbTables.FromPrefix(DynamoDbLocal.NewTablePrefix());
        await new DynamoDbTableInitializer(_client, _tables).InitializeAsync(TestContext.Current.CancellationToken);
        return (new DynamoDbSupportQueueStore(_client, _tables), new DynamoDbStaffStore(_client, _tables));
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
