using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace ServiceBot.Infrastructure;

/// <summary>
/// The seed's four tables, the Guards table, the Schedule table, the UpgradeDemand counters and the Support table (names <c>servicebot-{env}-messages</c> and so on), on-demand. In prod
/// they outlive the stack, keep 35 days of point-in-time recovery and are encrypted with a key of ours; in dev they go
/// with the stack.
/// The keys and indexes match ServiceBot.DynamoDb's DynamoDbSchema (a test checks the two agree).
/// </summary>
internal sealed class DataTables : Construct
{
    public DataTables(Construct scope, string id, StackSettings settings) : base(scope, id)
    {
        RemovalPolicy removal = settings.IsProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        if (settings.IsProd)
        {
            Key = new Key(this, "TablesKey", new KeyProps
            {
                Description = "ServiceBot prod: encrypts the DynamoDB tables at rest",
                EnableKeyRotation = true,
                RemovalPolicy = RemovalPolicy.RETAIN,
            });
        }

        string prefix = $"servicebot-{settings.EnvironmentName}";
        Messages = NewTable("Messages", $"{prefix}-messages", "conversationId", "timestamp", settings, removal);
        Messages.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = "UserIdIndex",
            PartitionKey = Text("userId"),
            SortKey = Text("timestamp"),
            ProjectionType = ProjectionType.ALL,
        });
        Messages.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = "ClientMessageIdIndex",
            PartitionKey = Text("userClientMessageId"),
            SortKey = Text("timestamp"),
            ProjectionType = ProjectionType.ALL,
        });
        Customers = NewTable("Customers", $"{prefix}-customers", "id", null, settings, removal);
        ServiceLevels = NewTable("ServiceLevels", $"{prefix}-service-levels", "level", null, settings, removal);
        Connections = NewTable("Connections", $"{prefix}-connections", "connectionId", null, settings, removal, ttl: "ttl");
        // A customer's open connections: where a timer that fires pushes its frames.
        Connections.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = "UserIdIndex",
            PartitionKey = Text("userId"),
            ProjectionType = ProjectionType.ALL,
        });
        // The rate-limit windows and request locks the message function's instances share.
        Guards = NewTable("Guards", $"{prefix}-guards", "key", null, settings, removal, ttl: "ttl");
        // Timers and routine occurrences; the sparse indexes hold only jobs still waiting.
        Schedule = NewTable("Schedule", $"{prefix}-schedule", "id", null, settings, removal, ttl: "ttl");
        Schedule.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = "DueIndex",
            PartitionKey = Text("dueShard"),
            SortKey = Text("visibleAt"),
            ProjectionType = ProjectionType.ALL,
        });
        Schedule.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = "CustomerIndex",
            PartitionKey = Text("pendingCustomerId"),
            SortKey = Text("visibleAt"),
            ProjectionType = ProjectionType.ALL,
        });
        // Upgrade demand counters: a partition per day, one item per counter, so a report queries its days.
        UpgradeDemand = NewTable("UpgradeDemand", $"{prefix}-upgrade-demand", "day", "counter", settings, removal);
        // The support queue, the staff and their open consoles (human handoff); console rows expire like connections.
        Support = NewTable("Support", $"{prefix}-support", "pk", "sk", settings, removal, ttl: "ttl");
        Support.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = "OpenIndex",
            PartitionKey = Text("openQueue"),
            SortKey = Text("requestedAt"),
            ProjectionType = ProjectionType.ALL,
        });
    }

    public Key? Key { get; }

    public Table Messages { get; }

    public Table Customers { get; }

    public Table ServiceLevels { get; }

    public Table Connections { get; }

    public Table Guards { get; }

    public Table Schedule { get; }

    public Table UpgradeDemand { get; }

    public Table Support { get; }

    public IReadOnlyList<Table> All => [Messages, Customers, ServiceLevels, Connections, Guards, Schedule, UpgradeDemand, Support];

    /// <summary>The environment every function gets: the table names ServiceBot.Lambda reads.</summary>
    public Dictionary<string, string> Environment() => new()
    {
        ["MESSAGES_TABLE"] = Messages.TableName,
        ["CUSTOMERS_TABLE"] = Customers.TableName,
        ["SERVICE_LEVELS_TABLE"] = ServiceLevels.TableName,
        ["CONNECTIONS_TABLE"] = Connections.TableName,
        ["GUARDS_TABLE"] = Guards.TableName,
        ["SCHEDULE_TABLE"] = Schedule.TableName,
        ["UPGRADE_DEMAND_TABLE"] = UpgradeDemand.TableName,
        ["SUPPORT_TABLE"] = Support.TableName,
    };

    /// <summary>
    /// Exactly the DynamoDB actions a function calls on a table (and its indexes), plus the key use they need in prod:
    /// least privilege per function and table.
    /// </summary>
    public void Grant(IGrantable function, Table table, params string[] actions)
    {
        string[] qualified = actions.Select(a => "dynamodb:" + a).ToArray();
        var resources = new List<string> { table.TableArn };
        if (actions.Contains("Query"))
        {
            resources.Add(table.TableArn + "/index/*");
        }

        function.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = qualified,
            Resources = [.. resources],
        }));
        if (Key is not null)
        {
            bool writes = actions.Any(a => a is "PutItem" or "UpdateItem" or "DeleteItem" or "BatchWriteItem");
            _ = writes ? Key.GrantEncryptDecrypt(function) : Key.GrantDecrypt(function);
        }
    }

    private Table NewTable(string id, string name, string partitionKey, string? sortKey, StackSettings settings, RemovalPolicy removal, string? ttl = null) =>
        new(this, id, new TableProps
        {
            TableName = name,
            PartitionKey = Text(partitionKey),
            SortKey = sortKey is null ? null : Text(sortKey),
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = settings.IsProd,
            Encryption = Key is null ? TableEncryption.AWS_MANAGED : TableEncryption.CUSTOMER_MANAGED,
            EncryptionKey = Key,
            TimeToLiveAttribute = ttl,
            RemovalPolicy = removal,
            DeletionProtection = settings.IsProd,
        });

    private static Attribute Text(string name) => new() { Name = name, Type = AttributeType.STRING };
}
