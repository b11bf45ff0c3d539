using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Support;
using static ServiceBot.DynamoDb.Attributes;

namespace ServiceBot.DynamoDb;

/// <summary>
/// The support queue in the Support table, one item per conversation. Every change is a conditional write on the
/// entry's status (and holder), so two staff members on two Lambda instances can never both take one conversation.
/// </summary>
public sealed class DynamoDbSupportQueueStore(IAmazonDynamoDB client, DynamoDbTables tables) : ISupportQueueStore
{
    private const string Pk = DynamoDbSchema.Support.Pk;
    private const string Sk = DynamoDbSchema.Support.Sk;
    private const string EntrySk = "entry";
    private const string Open = "open";

    public async Task<QueueEntry> EnqueueAsync(QueueEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = tables.Support,
                Item = Write(entry with { Status = QueueStatuses.Waiting, StaffId = null, StaffName = null }),
                ConditionExpression = "attribute_not_exists(#pk) OR NOT (#status IN (:waiting, :assigned))",
                ExpressionAttributeNames = new() { ["#pk"] = Pk, ["#status"] = "status" },
                ExpressionAttributeValues = new() { [":waiting"] = S(QueueStatuses.Waiting), [":assigned"] = S(QueueStatuses.Assigned) },
            }, cancellationToken).ConfigureAwait(false);
            return entry with { Status = QueueStatuses.Waiting, StaffId = null, StaffName = null };
        }
        catch (ConditionalCheckFailedException)
        {
            // Already open: the entry there stands, with its place.
            return await FindAsync(entry.ConversationId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The support entry of {entry.ConversationId} vanished while it was open.");
        }
    }

    public async Task<QueueEntry?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        GetItemResponse response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = tables.Support,
            Key = KeyOf(conversationId),
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? Read(item) : null;
    }

    public async Task<IReadOnlyList<QueueEntry>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var open = new List<QueueEntry>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            QueryResponse page = await client.QueryAsync(new QueryRequest
            {
                TableName = tables.Support,
                IndexName = DynamoDbSchema.Support.OpenIndex,
                KeyConditionExpression = "#open = :open",
                ExpressionAttributeNames = new() { ["#open"] = DynamoDbSchema.Support.OpenQueue },
                ExpressionAttributeValues = new() { [":open"] = S(Open) },
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            open.AddRange((page.Items ?? []).Select(Read));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        // The index is eventually consistent: an entry that ended a moment ago may still be listed, so its own status decides.
        return open.Where(e => e.IsOpen).ToArray();
    }

    public Task<bool> TryTakeAsync(string conversationId, string staffId, string staffName, CancellationToken cancellationToken) =>
        TryUpdateAsync(new UpdateItemRequest
        {
            TableName = tables.Support,
            Key = KeyOf(conversationId),
            UpdateExpression = "SET #status = :assigned, staffId = :staff, staffName = :name",
            ConditionExpression = "#status = :waiting",
            ExpressionAttributeNames = new() { ["#status"] = "status" },
            ExpressionAttributeValues = new()
            {
                [":assigned"] = S(QueueStatuses.Assigned),
                [":waiting"] = S(QueueStatuses.Waiting),
                [":staff"] = S(staffId),
                [":name"] = S(staffName),
            },
        }, cancellationToken);

    public Task<bool> TryEndAsync(string conversationId, string staffId, string staffName, string status, bool orWaiting, CancellationToken cancellationToken)
    {
        if (QueueStatuses.IsOpen(status))
        {
            throw new ArgumentException($"An entry ends as returned or closed, not {status}.", nameof(status));
        }

        var values = new Dictionary<string, AttributeValue>
        {
            [":status"] = S(status),
            [":assigned"] = S(QueueStatuses.Assigned),
            [":staff"] = S(staffId),
            [":name"] = S(staffName),
        };
        string condition = "(#status = :assigned AND staffId = :staff)";
        if (orWaiting)
        {
            condition += " OR #status = :waiting";
            values[":waiting"] = S(QueueStatuses.Waiting);
        }

        return TryUpdateAsync(new UpdateItemRequest
        {
            TableName = tables.Support,
            Key = KeyOf(conversationId),
            UpdateExpression = "SET #status = :status, staffId = :staff, staffName = :name REMOVE #open",
            ConditionExpression = condition,
            ExpressionAttributeNames = new() { ["#status"] = "status", ["#open"] = DynamoDbSchema.Support.OpenQueue },
            ExpressionAttributeValues = values,
        }, cancellationToken);
    }

    public async Task UpdateCustomerConnectionAsync(string conversationId, string connectionId, CancellationToken cancellationToken) =>
        await TryUpdateAsync(new UpdateItemRequest
        {
            TableName = tables.Support,
            Key = KeyOf(conversationId),
            UpdateExpression = "SET customerConnectionId = :connection",
            ConditionExpression = "#status IN (:waiting, :assigned)",
            ExpressionAttributeNames = new() { ["#status"] = "status" },
            ExpressionAttributeValues = new()
            {
                [":connection"] = S(connectionId),
                [":waiting"] = S(QueueStatuses.Waiting),
                [":assigned"] = S(QueueStatuses.Assigned),
            },
        }, cancellationToken).ConfigureAwait(false);

    private async Task<bool> TryUpdateAsync(UpdateItemRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await client.UpdateItemAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static Dictionary<string, AttributeValue> KeyOf(string conversationId) =>
        new() { [Pk] = S("conversation#" + conversationId), [Sk] = S(EntrySk) };

    private static Dictionary<string, AttributeValue> Write(QueueEntry entry)
    {
        Dictionary<string, AttributeValue> item = KeyOf(entry.ConversationId);
        item["conversationId"] = S(entry.ConversationId);
        item["customerId"] = S(entry.CustomerId);
        item["customerName"] = S(entry.CustomerName);
        item["tier"] = S(entry.Tier);
        item["supportPriority"] = S(entry.SupportPriority);
        item[DynamoDbSchema.Support.RequestedAt] = S(Timestamps.ToKey(entry.RequestedAt));
        item["status"] = S(entry.Status);
        item.AddIfNotNull("staffId", entry.StaffId);
        item.AddIfNotNull("staffName", entry.StaffName);
        item.AddIfNotNull("customerConnectionId", entry.CustomerConnectionId);
        item["language"] = S(entry.Language.Code());
        if (entry.IsOpen)
        {
            item[DynamoDbSchema.Support.OpenQueue] = S(Open);
        }

        return item;
    }

    private static QueueEntry Read(Dictionary<string, AttributeValue> item) => new()
    {
        ConversationId = item.String("conversationId"),
        CustomerId = item.String("customerId"),
        CustomerName = item.String("customerName"),
        Tier = item.String("tier"),
        SupportPriority = item.String("supportPriority"),
        RequestedAt = Timestamps.FromKey(item.String(DynamoDbSchema.Support.RequestedAt)),
        Status = item.String("status"),
        StaffId = item.StringOrNull("staffId"),
        StaffName = item.StringOrNull("staffName"),
        CustomerConnectionId = item.StringOrNull("customerConnectionId"),
        // Optional: an entry written before entries had a language reads as English.
        Language = Languages.FromCode(item.StringOrNull("language")) ?? Language.English,
    };
}
