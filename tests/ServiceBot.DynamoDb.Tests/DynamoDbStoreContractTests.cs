using Amazon.DynamoDBv2;
using ServiceBot.Testing;

namespace ServiceBot.DynamoDb.Tests;

/// <summary>The store contract on DynamoDB Local, each test on tables of its own.</summary>
public sealed class DynamoDbStoreContractTests(DynamoDbLocal local) : StoreContractTests
{
    private AmazonDynamoDBClient? _client;
    private DynamoDbTables? _tables;

    protected override async Task<StoreSet> OpenAsync()
    {
        _client = local.CreateClient();
        _tables = DynamoDbTables.FromPrefix(DynamoDbLocal.NewTablePrefix());
        await new DynamoDbTableInitializer(_client, _tables).InitializeAsync(TestContext.Current.CancellationToken);
        return new StoreSet(
            new DynamoDbCustomerStore(_client, _tables),
            new DynamoDbServiceLevelStore(_client, _tables),
            new DynamoDbMessageStore(_client, _tables),
            new DynamoDbConnectionStore(_client, _tables));
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
