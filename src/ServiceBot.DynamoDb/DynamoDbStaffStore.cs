using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServiceBot.Core.Support;
using static ServiceBot.DynamoDb.Attributes;

namespace ServiceBot.DynamoDb;

/// <summary>
/// The staff and their open consoles in the Support table. Consoles share one partition, so pushing to all of them is one
/// consistent Query; DynamoDB's TTL removes rows of consoles that vanished, and reads skip those past their ttl meanwhile.
/// </summary>
public sealed class DynamoDbStaffStore(IAmazonDynamoDB client, DynamoDbTables tables) : IStaffStore
{
    private const string Pk = DynamoDbSchema.Support.Pk;
    private const string Sk = DynamoDbSchema.Support.Sk;
    private const string Ttl = DynamoDbSchema.Support.Ttl;
    private const string Consoles = "consoles";

    public async Task<StaffMember?> GetAsync(string staffId, CancellationToken cancellationToken)
    {
        GetItemResponse response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = tables.Support,
            Key = MemberKey(staffId),
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? new StaffMember(staffId, item.String("name")) : null;
    }

    public Task PutAsync(StaffMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        Dictionary<string, AttributeValue> item = MemberKey(member.Id);
        item["name"] = S(member.Name);
        return client.PutItemAsync(new PutItemRequest { TableName = tables.Support, Item = item }, cancellationToken);
    }

    public Task AddConnectionAsync(StaffConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return client.PutItemAsync(new PutItemRequest
        {
            TableName = tables.Support,
            Item = new()
            {
                [Pk] = S(Consoles),
                [Sk] = S(connection.ConnectionId),
                ["staffId"] = S(connection.StaffId),
                [Ttl] = N(connection.Ttl.ToUnixTimeSeconds()),
            },
        }, cancellationToken);
    }

    public Task RemoveConnectionAsync(string connectionId, CancellationToken cancellationToken) =>
        client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = tables.Support,
            Key = new() { [Pk] = S(Consoles), [Sk] = S(connectionId) },
        }, cancellationToken);

    public async Task<IReadOnlyList<StaffConnection>> ListConnectionsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var consoles = new List<StaffConnection>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            QueryResponse page = await client.QueryAsync(new QueryRequest
            {
                TableName = tables.Support,
                KeyConditionExpression = "#pk = :consoles",
                ExpressionAttributeNames = new() { ["#pk"] = Pk },
                ExpressionAttributeValues = new() { [":consoles"] = S(Consoles) },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            foreach (Dictionary<string, AttributeValue> item in page.Items ?? [])
            {
                var console = new StaffConnection(item.String(Sk), item.String("staffId"), DateTimeOffset.FromUnixTimeSeconds(item.Long(Ttl)));
                if (console.Ttl > now)
                {
                    consoles.Add(console);
                }
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return consoles;
    }

    private static Dictionary<string, AttributeValue> MemberKey(string staffId) =>
        new() { [Pk] = S("staff#" + staffId), [Sk] = S("member") };
}
