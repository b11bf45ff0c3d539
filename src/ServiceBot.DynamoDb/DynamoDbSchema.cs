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

        public const string UserId = "userId";

        /// <summary>A customer's open connections, so a timer that fires can reach them (ours, beyond the seed).</summary>
        public const string UserIdIndex = "UserIdIndex";

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
    /// Schedule (ours, beyond the seed): timers and routine occurrences. Partition <c>id</c>. While a job waits, it
    /// carries <c>dueShard</c> (always <see cref="PendingShard"/>) and <c>visibleAt</c> (its due time, or a claim's lease
    /// end), which key the sparse <see cref="DueIndex"/>: the due query is one Query on that key, never a Scan. It also
    /// carries <c>pendingCustomerId</c>, keying the sparse <see cref="CustomerIndex"/> for a customer's list. An ended job
    /// loses all three and gets a <c>ttl</c>.
    /// </summary>
    public static class Schedule
    {
        public const string Id = "id";
        public const string DueShard = "dueShard";
        public const string VisibleAt = "visibleAt";
        public const string PendingCustomerId = "pendingCustomerId";
        public const string Ttl = "ttl";
        public const string PendingShard = "pending";
        public const string DueIndex = "DueIndex";
        public const string CustomerIndex = "CustomerIndex";
    }

    /// <summary>
    /// UpgradeDemand: one counter item per (day, from tier, action, to tier, kind), bumped with an atomic ADD. Partition
    /// <c>day</c> (UTC, yyyy-MM-dd), sort <c>counter</c> (<c>{fromTier}#{action}#{toTier}#{kind}</c>), so a report is one
    /// Query per day of its range, never a Scan.
    /// </summary>
    public static class UpgradeDemand
    {
        public const string Day = "day";
        public const string Counter = "counter";
        public const string FromTier = "fromTier";
        public const string Action = "action";
        public const string ToTier = "toTier";
        public const string Kind = "kind";
        public const string Count = "count";
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

    /// <summary>The tables as CreateTable requests: on-demand billing, the seed's keys, the Messages, Schedule and Support indexes.</summary>
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
            new CreateTableRequest
            {
                TableName = tables.Connections,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = [Key(Connections.ConnectionId, KeyType.HASH)],
                AttributeDefinitions = [Text(Connections.ConnectionId), Text(Connections.UserId)],
                GlobalSecondaryIndexes = [.. ConnectionIndexes()],
            },
            Simple(tables.Guards, Guards.Key),
            new CreateTableRequest
            {
                TableName = tables.Schedule,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = [Key(Schedule.Id, KeyType.HASH)],
                AttributeDefinitions = [Text(Schedule.Id), Text(Schedule.DueShard), Text(Schedule.VisibleAt), Text(Schedule.PendingCustomerId)],
                GlobalSecondaryIndexes = [.. ScheduleIndexes()],
            },
            new CreateTableRequest
            {
                TableName = tables.UpgradeDemand,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = [Key(UpgradeDemand.Day, KeyType.HASH), Key(UpgradeDemand.Counter, KeyType.RANGE)],
                AttributeDefinitions = [Text(UpgradeDemand.Day), Text(UpgradeDemand.Counter)],
            },
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

    /// <summary>The Schedule table's sparse indexes: due jobs by time, and a customer's waiting jobs.</summary>
    public static IReadOnlyList<GlobalSecondaryIndex> ScheduleIndexes() =>
    [
        new GlobalSecondaryIndex
        {
            IndexName = Schedule.DueIndex,
            KeySchema = [Key(Schedule.DueShard, KeyType.HASH), Key(Schedule.VisibleAt, KeyType.RANGE)],
            Projection = new Projection { ProjectionType = ProjectionType.ALL },
        },
        new GlobalSecondaryIndex
        {
            IndexName = Schedule.CustomerIndex,
            KeySchema = [Key(Schedule.PendingCustomerId, KeyType.HASH), Key(Schedule.VisibleAt, KeyType.RANGE)],
            Projection = new Projection { ProjectionType = ProjectionType.ALL },
        },
    ];

    /// <summary>The Connections table's index by customer, projecting every attribute.</summary>
    public static IReadOnlyList<GlobalSecondaryIndex> ConnectionIndexes() =>
    [
        new GlobalSecondaryIndex
        {
            IndexName = Connections.UserIdIndex,
            KeySchema = [Key(Connections.UserId, KeyType.HASH)],
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
