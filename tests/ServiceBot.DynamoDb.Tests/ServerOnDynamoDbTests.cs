using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServiceBot.Server.Tests;
using ServiceBot.Testing;

namespace ServiceBot.DynamoDb.Tests;

/// <summary>The self-hosted server, as a real process, on DynamoDB Local: ServiceBot__Store=dynamodb and the SDK's own settings.</summary>
public sealed class ServerOnDynamoDbTests(DynamoDbLocal local) : IAsyncDisposable
{
    private readonly AmazonDynamoDBClient _client = local.CreateClient();
    private readonly string _prefix = DynamoDbLocal.NewTablePrefix("server");

    private DynamoDbTables TableNames => DynamoDbTables.FromPrefix(_prefix);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_server_creates_its_tables_seeds_them_chats_and_keeps_the_conversation_across_a_restart()
    {
        Dictionary<string, string> environment = Environment(_prefix);
        string conversationId;
        await using (ServerProcess first = await ServerProcess.StartAsync(environment))
        {
            // Ready means the tables were made (none existed) and the seed is in them.
            // Eight: the seed's four, the guards, the schedule, the upgrade demand counters and the support queue
            // (DescribeTable throws for one that is missing).
            Assert.Equal(8, (await Task.WhenAll(TableNames.All.Select(t => _client.DescribeTableAsync(t, Ct)))).Length);

            await using BotClient john = await first.ConnectAsync("cust_002");
            JsonObject profile = await john.ProfileAsync();
            Assert.Equal("John Doe", (string?)profile["customer"]!["name"]);
            Assert.Equal("premium", (string?)profile["serviceLevel"]!["level"]);

            Exchange quieter = await john.ChatAsync("the kitchen display is too loud, make it 20", clientMessageId: "ddb-1");
            Assert.Equal("message", quieter.Type);
            Assert.Equal(20, (int)Assert.Single(quieter.Devices)["volume"]!);
            conversationId = quieter.ConversationId;
            Assert.Equal(20, (int)(await john.DeviceAsync("dev_003"))["volume"]!);

            // A retried frame is answered from the table and runs nothing again.
            Exchange retried = await john.ChatAsync("the kitchen display is too loud, make it 20", clientMessageId: "ddb-1");
            Assert.Equal(quieter.Text, retried.Text);
            Assert.Empty(retried.Devices);

            // A refusal for the plan is counted in the UpgradeDemand table, once.
            await using BotClient jane = await first.ConnectAsync("cust_001");
            Assert.NotEmpty((await jane.ChatAsync("play some jazz", clientMessageId: "ddb-jazz")).Refused);
            await jane.ChatAsync("play some jazz", clientMessageId: "ddb-jazz");
            DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow);
            Core.Demand.UpgradeDemandReport demand = await new DynamoDbUpgradeDemandStore(_client, TableNames).GetReportAsync(today.AddDays(-1), today, Ct);
            Assert.Equal([new Core.Demand.TierUpgradeDemand("basic", "premium", 1, 0)], demand.ByUpgrade);
        }

        await using ServerProcess second = await ServerProcess.StartAsync(environment);
        await using BotClient again = await second.ConnectAsync("cust_002");
        JsonObject history = await again.HistoryAsync();
        Assert.Equal(conversationId, (string?)history["conversationId"]);
        Assert.Equal(["customer", "bot"], history["messages"]!.AsArray().Select(m => (string?)m!["sender"]));
        Assert.Equal("the kitchen display is too loud, make it 20", (string?)history["messages"]![0]!["text"]);

        // The seed ran again at start and kept what the customer changed.
        Assert.Equal(20, (int)(await again.DeviceAsync("dev_003"))["volume"]!);

        QueryResponse rows = await _client.QueryAsync(new QueryRequest
        {
            TableName = TableNames.Messages,
            KeyConditionExpression = "conversationId = :c",
            ExpressionAttributeValues = new() { [":c"] = new AttributeValue { S = conversationId } },
        }, Ct);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task An_unknown_store_stops_the_server_with_a_sentence()
    {
        Dictionary<string, string> environment = Environment("unused");
        environment["ServiceBot__Store"] = "cassandra";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(environment));

        Assert.Contains("ServiceBot:Store is \"cassandra\"; use \"sqlite\" (the default) or \"dynamodb\".", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await Tables.DeleteAsync(_client, TableNames);
        _client.Dispose();
    }

    private Dictionary<string, string> Environment(string prefix) => new(local.EnvironmentVariables)
    {
        ["ServiceBot__Store"] = "dynamodb",
        ["ServiceBot__DynamoDb__TablePrefix"] = prefix,
    };
}
