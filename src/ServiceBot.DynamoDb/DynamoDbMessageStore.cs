using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServiceBot.Core.Conversations;
using static ServiceBot.DynamoDb.Attributes;
using Schema = ServiceBot.DynamoDb.DynamoDbSchema.Messages;

namespace ServiceBot.DynamoDb;

/// <summary>
/// The Messages table: partition <c>conversationId</c>, sort <c>timestamp</c>, index <c>UserIdIndex</c>.
/// A message is written only where no message is (a conditional put), so two messages never overwrite each other.
/// </summary>
public sealed class DynamoDbMessageStore(IAmazonDynamoDB client, DynamoDbTables tables) : IMessageStore
{
    /// <summary>A customer message and its reply carry one key; more than this many means something replayed it, and we stop reading.</summary>
    private const int ClientMessageIdMatches = 20;

    public async Task<bool> TryAddAsync(StoredMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = tables.Messages,
                Item = Write(message),
                ConditionExpression = "attribute_not_exists(#ts)",
                ExpressionAttributeNames = new() { ["#ts"] = Schema.Timestamp },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<StoredMessage>> GetConversationAsync(string conversationId, int limit, CancellationToken cancellationToken)
    {
        // Newest first from the base table (strongly consistent: the reply just stored is there), then turned around.
        List<StoredMessage> newestFirst = await QueryAsync(new QueryRequest
        {
            TableName = tables.Messages,
            KeyConditionExpression = "#key = :key",
            ExpressionAttributeNames = new() { ["#key"] = Schema.ConversationId },
            ExpressionAttributeValues = new() { [":key"] = S(conversationId) },
            ScanIndexForward = false,
            ConsistentRead = true,
        }, limit, cancellationToken).ConfigureAwait(false);
        newestFirst.Reverse();
        return newestFirst;
    }

    public async Task<IReadOnlyList<StoredMessage>> GetByUserAsync(string userId, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(new QueryRequest
        {
            TableName = tables.Messages,
            IndexName = Schema.UserIdIndex,
            KeyConditionExpression = "#key = :key",
            ExpressionAttributeNames = new() { ["#key"] = Schema.UserId },
            ExpressionAttributeValues = new() { [":key"] = S(userId) },
            ScanIndexForward = false,
        }, limit, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// One query on the sparse ClientMessageIdIndex (only messages with a key are in it), which reads exactly the
    /// matching messages; a filter on UserIdIndex would read, and bill, the customer's whole history to find them.
    /// </summary>
    public async Task<IReadOnlyList<StoredMessage>> FindByClientMessageIdAsync(string userId, string clientMessageId, string? conversationId, CancellationToken cancellationToken)
    {
        List<StoredMessage> found = await QueryAsync(new QueryRequest
        {
            TableName = tables.Messages,
            IndexName = Schema.ClientMessageIdIndex,
            KeyConditionExpression = "#key = :key",
            ExpressionAttributeNames = new() { ["#key"] = Schema.UserClientMessageId },
            ExpressionAttributeValues = new() { [":key"] = S(UserClientMessageId(userId, clientMessageId)) },
            ScanIndexForward = true,
        }, ClientMessageIdMatches, cancellationToken).ConfigureAwait(false);

        // The index key joins two strings with '#'; compare the parts too, so no two (user, key) pairs can ever meet.
        return found.Where(m => m.UserId == userId && m.ClientMessageId == clientMessageId && (conversationId is null || m.ConversationId == conversationId)).ToArray();
    }

    internal static string UserClientMessageId(string userId, string clientMessageId) => $"{userId}#{clientMessageId}";

    private async Task<List<StoredMessage>> QueryAsync(QueryRequest request, int limit, CancellationToken cancellationToken)
    {
        var messages = new List<StoredMessage>();
        if (limit <= 0)
        {
            return messages;
        }

        do
        {
            request.Limit = limit - messages.Count;
            QueryResponse page = await client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            messages.AddRange((page.Items ?? []).Select(Read));
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null && messages.Count < limit);

        return messages;
    }

    internal static Dictionary<string, AttributeValue> Write(StoredMessage message)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [Schema.ConversationId] = S(message.ConversationId),
            [Schema.Timestamp] = S(Timestamps.ToKey(message.Timestamp)),
            [Schema.UserId] = S(message.UserId),
            ["sender"] = S(message.Sender),
            ["text"] = S(message.Text),
            ["requiredActions"] = L(message.RequiredActions ?? []),
            ["allowed"] = Bool(message.Allowed),
            ["actions"] = L((message.Actions ?? []).Select(WriteAction)),
        };
        item.AddIfNotNull("requestType", message.RequestType);
        item.AddIfNotNull("source", message.Source);
        item.AddIfNotNull("agentName", message.AgentName);
        item.AddIfNotNull("language", message.Language);
        if (message.ClientMessageId is { } clientMessageId)
        {
            item["clientMessageId"] = S(clientMessageId);
            item[Schema.UserClientMessageId] = S(UserClientMessageId(message.UserId, clientMessageId));
        }

        if (message.Usage is { } usage)
        {
            item["usage"] = M(new()
            {
                ["inputTokens"] = N(usage.InputTokens),
                ["outputTokens"] = N(usage.OutputTokens),
                ["cacheReadTokens"] = N(usage.CacheReadTokens),
                ["cacheWriteTokens"] = N(usage.CacheWriteTokens),
            });
        }

        return item;
    }

    internal static StoredMessage Read(Dictionary<string, AttributeValue> item) => new()
    {
        ConversationId = item.String(Schema.ConversationId),
        Timestamp = Timestamps.FromKey(item.String(Schema.Timestamp)),
        UserId = item.String(Schema.UserId),
        Sender = item.String("sender"),
        Text = item.StringOrNull("text") ?? "",
        RequestType = item.StringOrNull("requestType"),
        RequiredActions = item.Strings("requiredActions"),
        Allowed = item.Bool("allowed", fallback: true),
        Actions = item.Maps("actions").Select(ReadAction).ToArray(),
        Source = item.StringOrNull("source"),
        AgentName = item.StringOrNull("agentName"),
        ClientMessageId = item.StringOrNull("clientMessageId"),
        Language = item.StringOrNull("language"),
        Usage = item.MapOrNull("usage") is { } usage
            ? new TokenUsage(usage.Long("inputTokens"), usage.Long("outputTokens"), usage.Long("cacheReadTokens"), usage.Long("cacheWriteTokens"))
            : null,
    };

    private static AttributeValue WriteAction(ActionRecord action)
    {
        var map = new Dictionary<string, AttributeValue>
        {
            ["action"] = S(action.Action),
            ["allowed"] = Bool(action.Allowed),
            ["result"] = S(action.Result),
        };
        map.AddIfNotNull("deviceId", action.DeviceId);
        return M(map);
    }

    private static ActionRecord ReadAction(Dictionary<string, AttributeValue> map) =>
        new(map.String("action"), map.StringOrNull("deviceId"), map.Bool("allowed", fallback: false), map.StringOrNull("result") ?? "");
}
