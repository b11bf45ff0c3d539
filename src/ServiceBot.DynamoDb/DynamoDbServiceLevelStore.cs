using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServiceBot.Core.ServiceLevels;
using static ServiceBot.DynamoDb.Attributes;

namespace ServiceBot.DynamoDb;

/// <summary>The ServiceLevels table: three small rows written by the seed and read through a cache (ServiceLevelDirectory).</summary>
public sealed class DynamoDbServiceLevelStore(IAmazonDynamoDB client, DynamoDbTables tables) : IServiceLevelStore
{
    private const string Level = DynamoDbSchema.ServiceLevels.Level;

    public async Task<ServiceLevel?> GetAsync(string level, CancellationToken cancellationToken)
    {
        GetItemResponse response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = tables.ServiceLevels,
            Key = new() { [Level] = S(level) },
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? Read(item) : null;
    }

    public async Task<IReadOnlyList<ServiceLevel>> ListAsync(CancellationToken cancellationToken)
    {
        var levels = new List<ServiceLevel>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            ScanResponse page = await client.ScanAsync(new ScanRequest
            {
                TableName = tables.ServiceLevels,
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            levels.AddRange((page.Items ?? []).Select(Read));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return [.. levels.OrderBy(l => l.Level, StringComparer.Ordinal)];
    }

    public Task PutAsync(ServiceLevel level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(level);
        return client.PutItemAsync(new PutItemRequest
        {
            TableName = tables.ServiceLevels,
            Item = new()
            {
                [Level] = S(level.Level),
                ["allowedActions"] = L(level.AllowedActions ?? []),
                ["maxDevices"] = N(level.MaxDevices),
                ["supportPriority"] = S(level.SupportPriority),
            },
        }, cancellationToken);
    }

    private static ServiceLevel Read(Dictionary<string, AttributeValue> item) => new()
    {
        Level = item.String(Level),
        AllowedActions = item.Strings("allowedActions"),
        MaxDevices = (int)item.Long("maxDevices"),
        SupportPriority = item.String("supportPriority"),
    };
}
