using Amazon.DynamoDBv2;
using ServiceBot.Core.Demand;
using ServiceBot.Testing;

namespace ServiceBot.DynamoDb.Tests;

/// <summary>The upgrade demand contract on DynamoDB Local, each test on a table of its own.</summary>
public sealed class DynamoDbUpgradeDemandStoreContractTests(DynamoDbLocal local) : UpgradeDemandStoreContractTests
{
    private AmazonDynamoDBClient? _client;
    private DynamoDbTables? _tables;

    protected override async Task<IUpgradeDemandStore> OpenAsync()
    {
        _client = local.CreateClient();
        _tables = DynamoDbTables.FromPrefix(DynamoDbLocal.NewTablePrefix("demand"));
        await _client.CreateTableAsync(DynamoDbSchema.TableDefinitions(_tables).Single(t => t.TableName == _tables.UpgradeDemand), TestContext.Current.CancellationToken);
        return new DynamoDbUpgradeDemandStore(_client, _tables);
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
