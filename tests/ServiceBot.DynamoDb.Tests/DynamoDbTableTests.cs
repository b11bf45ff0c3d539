using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServiceBot.Core.Seeding;
using ServiceBot.Testing;

namespace ServiceBot.DynamoDb.Tests;

/// <summary>What the initializer makes: the seed's tables and keys, the indexes, TTL; and that running it again harms nothing.</summary>
public sealed class DynamoDbTableTests(DynamoDbLocal local) : IAsyncDisposable
{
    private readonly AmazonDynamoDBClient _client = local.CreateClient();
    private readonly DynamoDbTables _tables = DynamoDbTables.FromPrefix(DynamoDbLocal.NewTablePrefix("tables"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Missing_tables_are_created_with_the_seeds_keys_indexes_and_ttl()
    {
        await new DynamoDbTableInitializer(_client, _tables).InitializeAsync(Ct);

        TableDescription messages = await DescribeAsync(_tables.Messages);
        Assert.Equal(TableStatus.ACTIVE, messages.TableStatus);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, messages.BillingModeSummary?.BillingMode);
        Assert.Equal(["conversationId:HASH", "timestamp:RANGE"], Keys(messages.KeySchema));
        GlobalSecondaryIndexDescription byUser = Assert.Single(messages.GlobalSecondaryIndexes, i => i.IndexName == "UserIdIndex");
        Assert.Equal(["userId:HASH", "timestamp:RANGE"], Keys(byUser.KeySchema));
        Assert.Equal(ProjectionType.ALL, byUser.Projection.ProjectionType);
        GlobalSecondaryIndexDescription byKey = Assert.Single(messages.GlobalSecondaryIndexes, i => i.IndexName == "ClientMessageIdIndex");
        Assert.Equal(["userClientMessageId:HASH", "timestamp:RANGE"], Keys(byKey.KeySchema));

        Assert.Equal(["id:HASH"], Keys((await DescribeAsync(_tables.Customers)).KeySchema));
        Assert.Equal(["level:HASH"], Keys((await DescribeAsync(_tables.ServiceLevels)).KeySchema));
        Assert.Equal(["connectionId:HASH"], Keys((await DescribeAsync(_tables.Connections)).KeySchema));

        Assert.Equal(["key:HASH"], Keys((await DescribeAsync(_tables.Guards)).KeySchema));
        Assert.Equal(["day:HASH", "counter:RANGE"], Keys((await DescribeAsync(_tables.UpgradeDemand)).KeySchema));

        foreach (string table in new[] { _tables.Connections, _tables.Guards })
        {
            TimeToLiveDescription ttl = (await _client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table }, Ct)).TimeToLiveDescription;
            Assert.Equal("ttl", ttl.AttributeName);
            Assert.Equal(TimeToLiveStatus.ENABLED, ttl.TimeToLiveStatus);
        }
    }

    [Fact]
    public async Task Starting_again_and_two_starts_at_once_keep_the_tables_and_their_data()
    {
        var first = new DynamoDbTableInitializer(_client, _tables);
        var second = new DynamoDbTableInitializer(_client, _tables);
        await Task.WhenAll(first.InitializeAsync(Ct), second.InitializeAsync(Ct));
        var levels = new DynamoDbServiceLevelStore(_client, _tables);
        await levels.PutAsync(SeedData.Default.ServiceLevels[0], Ct);

        await first.InitializeAsync(Ct);

        Assert.Single(await levels.ListAsync(Ct));
    }

    [Fact]
    public async Task A_messages_table_made_without_the_idempotency_index_gets_it()
    {
        // As an older deployment (or hand-made table) would have it: the seed's keys and UserIdIndex only.
        CreateTableRequest seedOnly = DynamoDbSchema.TableDefinitions(_tables)[0];
        seedOnly.GlobalSecondaryIndexes = [.. seedOnly.GlobalSecondaryIndexes.Where(i => i.IndexName == "UserIdIndex")];
        seedOnly.AttributeDefinitions = [.. seedOnly.AttributeDefinitions.Where(a => a.AttributeName != "userClientMessageId")];
        await _client.CreateTableAsync(seedOnly, Ct);
        var messages = new DynamoDbMessageStore(_client, _tables);

        await new DynamoDbTableInitializer(_client, _tables).InitializeAsync(Ct);

        Assert.Contains((await DescribeAsync(_tables.Messages)).GlobalSecondaryIndexes, i => i.IndexName == "ClientMessageIdIndex");
        await messages.TryAddAsync(new Core.Conversations.StoredMessage
        {
            ConversationId = "conv_1", Timestamp = DateTimeOffset.UnixEpoch, UserId = "cust_001", Sender = "customer", Text = "hi", ClientMessageId = "k1",
        }, Ct);
        Assert.Single(await messages.FindByClientMessageIdAsync("cust_001", "k1", null, Ct));
    }

    public async ValueTask DisposeAsync()
    {
        await Tables.DeleteAsync(_client, _tables);
        _client.Dispose();
    }

    private async Task<TableDescription> DescribeAsync(string table) =>
        (await _client.DescribeTableAsync(new DescribeTableRequest { TableName = table }, Ct)).Table;

    private static string[] Keys(IEnumerable<KeySchemaElement> keys) =>
        keys.Select(k => $"{k.AttributeName}:{k.KeyType.Value}").ToArray();
}
