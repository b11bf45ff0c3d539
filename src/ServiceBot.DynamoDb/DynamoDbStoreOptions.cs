namespace ServiceBot.DynamoDb;

/// <summary>
/// Which tables the store uses: <see cref="Tables"/> when given (the Lambda host, from its environment),
/// else the six names made from <see cref="TablePrefix"/> (<c>ServiceBot:DynamoDb:TablePrefix</c>).
/// Endpoint, region and credentials are the AWS SDK's own settings (<c>AWS_ENDPOINT_URL_DYNAMODB</c>, <c>AWS_REGION</c>, ...).
/// </summary>
public sealed class DynamoDbStoreOptions
{
    public string TablePrefix { get; set; } = DynamoDbTables.DefaultPrefix;

    /// <summary>Explicit table names; overrides <see cref="TablePrefix"/>.</summary>
    public DynamoDbTables? Tables { get; set; }

    /// <summary>How long the initializer waits for new tables and indexes to become ACTIVE.</summary>
    public TimeSpan TableReadyTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public DynamoDbTables ResolveTables() => Tables ?? DynamoDbTables.FromPrefix(TablePrefix);
}
