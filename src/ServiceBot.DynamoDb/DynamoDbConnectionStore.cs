using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Conversations;
using static ServiceBot.DynamoDb.Attributes;

namespace ServiceBot.DynamoDb;

/// <summary>
/// The Connections table. DynamoDB's TTL on <c>ttl</c> deletes expired rows, but only eventually (often within
/// hours, not at once), so every read checks the ttl itself and treats an expired row as gone.
/// </summary>
public sealed class DynamoDbConnectionStore(IAmazonDynamoDB client, DynamoDbTables tables) : IConnectionStore
{
    private const string ConnectionId = DynamoDbSchema.Connections.ConnectionId;
    private const string Ttl = DynamoDbSchema.Connections.Ttl;

    public Task AddAsync(Connection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return client.PutItemAsync(new PutItemRequest
        {
            TableName = tables.Connections,
            Item = new()
            {
                [ConnectionId] = S(connection.ConnectionId),
                ["userId"] = S(connection.UserId),
                ["connectionTime"] = S(Timestamps.ToKey(connection.ConnectionTime)),
                [Ttl] = N(connection.Ttl.ToUnixTimeSeconds()),
            },
        }, cancellationToken);
    }

    public async Task<Connection?> GetAsync(string connectionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        GetItemResponse response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = tables.Connections,
            Key = new() { [ConnectionId] = S(connectionId) },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        var connection = new Connection(
            item.String(ConnectionId),
            item.String("userId"),
            Timestamps.FromKey(item.String("connectionTime")),
            DateTimeOffset.FromUnixTimeSeconds(item.Long(Ttl)));
        return connection.IsExpired(now) ? null : connection;
    }

    /// <summary>A Query on the Connections table's <c>UserIdIndex</c>; expired rows the TTL has not reaped yet are left out.</summary>
    public async Task<IReadOnlyList<Connection>> ListByUserAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = new List<Connection>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            QueryResponse page = await client.QueryAsync(new QueryRequest
            {
                TableName = tables.Connections,
                IndexName = DynamoDbSchema.Connections.UserIdIndex,
                KeyConditionExpression = "#user = :user",
                ExpressionAttributeNames = new() { ["#user"] = DynamoDbSchema.Connections.UserId },
                ExpressionAttributeValues = new() { [":user"] = S(userId) },
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            foreach (Dictionary<string, AttributeValue> item in page.Items ?? [])
            {
                var connection = new Connection(
                    item.String(ConnectionId),
                    item.String("userId"),
                    Timestamps.FromKey(item.String("connectionTime")),
                    DateTimeOffset.FromUnixTimeSeconds(item.Long(Ttl)));
                if (!connection.IsExpired(now))
                {
                    found.Add(connection);
                }
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return found;
    }

    public Task RemoveAsync(string connectionId, CancellationToken cancellationToken) =>
        client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = tables.Connections,
            Key = new() { [ConnectionId] = S(connectionId) },
        }, cancellationToken);

    /// <summary>
    /// Not needed on DynamoDB (its TTL deletes expired rows, and no sweeper is registered): a scan for expired rows,
    /// each deleted only while still expired, for tests and manual clean-up.
    /// </summary>
    public async Task<int> SweepExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string> { ["#ttl"] = Ttl };
        var values = new Dictionary<string, AttributeValue> { [":now"] = N(now.ToUnixTimeSeconds()) };
        int deleted = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            ScanResponse page = await client.ScanAsync(new ScanRequest
            {
                TableName = tables.Connections,
                FilterExpression = "#ttl <= :now",
                ProjectionExpression = "#id",
                ExpressionAttributeNames = new(names) { ["#id"] = ConnectionId },
                ExpressionAttributeValues = values,
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            foreach (Dictionary<string, AttributeValue> key in page.Items ?? [])
            {
                try
                {
                    await client.DeleteItemAsync(new DeleteItemRequest
                    {
                        TableName = tables.Connections,
                        Key = key,
                        ConditionExpression = "#ttl <= :now",
                        ExpressionAttributeNames = names,
                        ExpressionAttributeValues = values,
                    }, cancellationToken).ConfigureAwait(false);
                    deleted++;
                }
                catch (ConditionalCheckFailedException)
                {
                    // Renewed since the scan read it: not expired any more.
                }
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return deleted;
    }
}
