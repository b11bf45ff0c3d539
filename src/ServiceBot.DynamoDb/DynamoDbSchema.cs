using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ServiceBot.DynamoDb;

/// <summary>
/// The seed's keys and indexes, in one place: the initializer creates tables from these, and the CDK app must declare the same.
/// </summary>
public static class DynamoDbSchema
{
    /// <summary>Messages: partition <c>conversationId</c>, sort <c>timestamp</c> (<see cref="Core.Conversations.Timestamps"/> text).</summary>
    public static class Messages
    {
        public const string ConversationId = "conversationId";
        public const string Timestamp = "timestamp";
        public const string UserId = "userId";

        /// <summary>The seed's index: a customer's messages across conversations, by time.</summary>
        public const string UserIdIndex = "UserIdIndex";

        /// <summary>
        /// Set only on messages that carry a clientMessageId: <c>{userId}#{clientMessageId}</c>.
        /// It keys the sparse <see cref="ClientMessageIdIndex"/>, so a retried frame is found with one small query
        /// that reads exactly the matching messages, however long the customer's history.
        /// </summary>
        public const string UserClientMessageId = "userClientMessageId";

        public const string ClientMessageIdIndex = "ClientMessageIdIndex";
    }

    public static class Customers
    {
        public const string Id = "id";
        public const string Version = "version";
    }

    public static class ServiceLevels
    {
        public const string Level = "level";
    }

    public static class Connections
    {
        public const string ConnectionId = "connectionId";

        /// <summary>Epoch seconds; the table's TTL attribute (DynamoDB deletes the row some time after it passes).</summary>
        public const string Ttl = "ttl";
    }

    /// <summary>
    /// Guards: the rate-limit windows and request locks that Lambda instances share. Partition <c>key</c>
    /// (<c>rate#...</c> or <c>lock#...</c>); each row is short-lived and carries a TTL.
    /// </summary>
    public static class Guards
    {
        public const string Key = "key";

        /// <summary>Epoch seconds; the table's TTL attribute.</summary>
        public const string Ttl = "ttl";
    }

    /// <summary>
    /// Support (ours): the support queue, the staff and their open consoles, in one table keyed <c>pk</c> + <c>sk</c>.
    /// A queue entry is <c>conversation#{id}</c> / <c>entry</c>; a staff member <c>staff#{id}</c> / <c>member</c>; an open
    /// console <c>consoles</c> / its connection id, so every console is one Query, never a Scan. Open entries carry
    /// <see cref="OpenQueue"/>, the key of the sparse <see cref="OpenIndex"/>: listing the queue reads only open entries.
    /// </summary>
    public static class Support
    {
        public const string Pk = "pk";
        public const string Sk = "sk";

        /// <summary>"open" while an entry waits or is assigned; removed when it ends.</summary>
        public const string OpenQueue = "openQueue";

        public const string RequestedAt = "requestedAt";
        public const string OpenIndex = "OpenIndex";

        /// <summary>Epoch seconds on console rows; the table's TTL attribute.</summary>
        public const string Ttl = "ttl";
    }

    /// <summary>The six tables as CreateTable requests: on-demand billing, the seed's keys, the Messages and Support indexes.</summary>
    public static IReadOnlyList<CreateTableRequest> TableDefinitions(DynamoDbTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return
        [
            new CreateTableRequest
            {
                TableName = tables.Messages,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = [Key(Messages.ConversationId, KeyType.HASH), Key(Messages.Timestamp, KeyType.RANGE)],
                AttributeDefinitions =
                [
                    Text(Messages.ConversationId), Text(Messages.Timestamp), Text(Messages.UserId), Text(Messages.UserClientMessageId),
                ],
                GlobalSecondaryIndexes = [.. MessageIndexes()],
            },
            Simple(tables.Customers, Customers.Id),
            Simple(tables.ServiceLevels, ServiceLevels.Level),
            Simple(tables.Connections, Connections.ConnectionId),
            Simple(tables.Guards, Guards.Key),
            new CreateTableRequest
            {
                TableName = tables.Support,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = [Key(Support.Pk, KeyType.HASH), Key(Support.Sk, KeyType.RANGE)],
                AttributeDefinitions = [Text(Support.Pk), Text(Support.Sk), Text(Support.OpenQueue), Text(Support.RequestedAt)],
                GlobalSecondaryIndexes = [.. SupportIndexes()],
            },
        ];
    }

    /// <summary>The Support table's index of open queue entries, by when they were asked for.</summary>
    public static IReadOnlyList<GlobalSecondaryIndex> SupportIndexes() =>
    [
        new GlobalSecondaryIndex
        {
            IndexName = Support.OpenIndex,
            KeySchema = [Key(Support.OpenQueue, KeyType.HASH), Key(Support.RequestedAt, KeyType.RANGE)],
            Projection = new Projection { ProjectionType = ProjectionType.ALL },
        },
    ];

    /// <summary>The Messages table's global secondary indexes, both projecting every attribute (a read returns whole messages).</summary>
    public static IReadOnlyList<GlobalSecondaryIndex> MessageIndexes() =>
    [
        new GlobalSecondaryIndex
        {
            IndexName = Messages.UserIdIndex,
            KeySchema = [Key(Messages.UserId, KeyType.HASH), Key(Messages.Timestamp, KeyType.RANGE)],
            Projection = new Projection { ProjectionType = ProjectionType.ALL },
        },
        new GlobalSecondaryIndex
        {
            IndexName = Messages.ClientMessageIdIndex,
            KeySchema = [Key(Messages.UserClientMessageId, KeyType.HASH), Key(Messages.Timestamp, KeyType.RANGE)],
            Projection = new Projection { ProjectionType = ProjectionType.ALL },
        },
    ];

    private static CreateTableRequest Simple(string table, string key) => new()
    {
        TableName = table,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [Key(key, KeyType.HASH)],
        AttributeDefinitions = [Text(key)],
    };

    private static KeySchemaElement Key(string name, KeyType type) => new(name, type);

    private static AttributeDefinition Text(string name) => new(name, ScalarAttributeType.S);
}
