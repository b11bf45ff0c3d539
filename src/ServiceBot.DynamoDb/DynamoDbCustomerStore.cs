using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using static ServiceBot.DynamoDb.Attributes;

namespace ServiceBot.DynamoDb;

/// <summary>
/// The Customers table. Devices and routines are native DynamoDB lists of maps (readable in the console, numbers
/// stay numbers); every write replaces the whole item under a condition on <c>version</c>, so parallel updates
/// (two Lambda instances, two tabs) never lose one: the loser's write fails and <see cref="CustomerUpdater"/> retries it.
/// </summary>
public sealed class DynamoDbCustomerStore(IAmazonDynamoDB client, DynamoDbTables tables) : ICustomerStore
{
    private const string Id = DynamoDbSchema.Customers.Id;
    private const string Version = DynamoDbSchema.Customers.Version;

    public async Task<Customer?> GetAsync(string id, CancellationToken cancellationToken)
    {
        // Strongly consistent: a read-modify-write must start from the latest version, and a profile must show the last change.
        GetItemResponse response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = tables.Customers,
            Key = new() { [Id] = S(id) },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? Read(item) : null;
    }

    public async Task<IReadOnlyList<Customer>> ListAsync(CancellationToken cancellationToken)
    {
        var customers = new List<Customer>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            ScanResponse page = await client.ScanAsync(new ScanRequest
            {
                TableName = tables.Customers,
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            customers.AddRange((page.Items ?? []).Select(Read));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return [.. customers.OrderBy(c => c.Id, StringComparer.Ordinal)];
    }

    public async Task<bool> TryAddAsync(Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = tables.Customers,
                Item = Write(customer),
                ConditionExpression = "attribute_not_exists(#id)",
                ExpressionAttributeNames = new() { ["#id"] = Id },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = tables.Customers,
                Item = Write(customer with { Version = customer.Version + 1 }),
                ConditionExpression = "#version = :expected",
                ExpressionAttributeNames = new() { ["#version"] = Version },
                ExpressionAttributeValues = new() { [":expected"] = N(customer.Version) },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    internal static Dictionary<string, AttributeValue> Write(Customer customer)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [Id] = S(customer.Id),
            ["name"] = S(customer.Name),
            ["serviceLevel"] = S(customer.ServiceLevel),
            [Version] = N(customer.Version),
            // Lists may be null in a record read from JSON that left them out.
            ["devices"] = L((customer.Devices ?? []).Select(d => M(WriteDevice(d)))),
            ["routines"] = L((customer.Routines ?? []).Select(r => M(WriteRoutine(r)))),
        };
        item.AddIfNotNull("timeZone", customer.TimeZone);
        return item;
    }

    internal static Customer Read(Dictionary<string, AttributeValue> item) => new()
    {
        Id = item.String(Id),
        Name = item.String("name"),
        ServiceLevel = item.String("serviceLevel"),
        Version = item.Long(Version),
        Devices = item.Maps("devices").Select(ReadDevice).ToArray(),
        Routines = item.Maps("routines").Select(ReadRoutine).ToArray(),
        TimeZone = item.StringOrNull("timeZone"),
    };

    private static Dictionary<string, AttributeValue> WriteDevice(Device device)
    {
        var map = new Dictionary<string, AttributeValue>
        {
            ["id"] = S(device.Id),
            ["type"] = S(device.Type.ToString()),
            ["name"] = S(device.Name),
            ["location"] = S(device.Location),
            ["power"] = S(device.Power),
            ["volume"] = N(device.Volume),
            ["status"] = S(device.Status),
        };
        map.AddIfNotNull("nowPlaying", device.NowPlaying);
        map.AddIfNotNull("signal", device.Signal);
        map.AddIfNotNull("firmware", device.Firmware);
        map.AddIfNotNull("lastSeen", device.LastSeen is { } seen ? Timestamps.ToKey(seen) : null);
        return map;
    }

    private static Device ReadDevice(Dictionary<string, AttributeValue> map) => new()
    {
        Id = map.String("id"),
        Type = Enum.Parse<DeviceType>(map.String("type")),
        Name = map.String("name"),
        Location = map.String("location"),
        Power = map.StringOrNull("power") ?? PowerState.On,
        Volume = (int)map.Long("volume", 50),
        Status = map.StringOrNull("status") ?? DeviceStatus.Online,
        NowPlaying = map.StringOrNull("nowPlaying"),
        Signal = map.StringOrNull("signal"),
        Firmware = map.StringOrNull("firmware"),
        LastSeen = map.StringOrNull("lastSeen") is { } seen ? Timestamps.FromKey(seen) : null,
    };

    private static Dictionary<string, AttributeValue> WriteRoutine(Routine routine)
    {
        var map = new Dictionary<string, AttributeValue>
        {
            ["id"] = S(routine.Id),
            ["name"] = S(routine.Name),
            ["steps"] = L((routine.Steps ?? []).Select(s => M(WriteStep(s)))),
            ["createdAt"] = S(Timestamps.ToKey(routine.CreatedAt)),
        };
        if (routine.Schedule is { } schedule)
        {
            map["schedule"] = M(new()
            {
                ["days"] = L((schedule.Days ?? []).Select(d => d.ToString())),
                ["time"] = S(schedule.Time),
            });
        }

        map.AddIfNotNull("phrase", routine.Phrase);
        return map;
    }

    private static Routine ReadRoutine(Dictionary<string, AttributeValue> map) => new()
    {
        Id = map.String("id"),
        Name = map.String("name"),
        Schedule = map.MapOrNull("schedule") is { } schedule
            ? new RoutineSchedule(schedule.Strings("days").Select(Enum.Parse<DayOfWeek>).ToArray(), schedule.String("time"))
            : null,
        Phrase = map.StringOrNull("phrase"),
        Steps = map.Maps("steps").Select(ReadStep).ToArray(),
        CreatedAt = Timestamps.FromKey(map.String("createdAt")),
    };

    private static Dictionary<string, AttributeValue> WriteStep(RoutineStep step)
    {
        var map = new Dictionary<string, AttributeValue>
        {
            ["tool"] = S(step.Tool),
            ["deviceId"] = S(step.DeviceId),
        };
        map.AddIfNotNull("volume", step.Volume);
        map.AddIfNotNull("power", step.Power);
        map.AddIfNotNull("music", step.Music);
        return map;
    }

    private static RoutineStep ReadStep(Dictionary<string, AttributeValue> map) => new()
    {
        Tool = map.String("tool"),
        DeviceId = map.String("deviceId"),
        Volume = map.LongOrNull("volume") is long volume ? (int)volume : null,
        Power = map.StringOrNull("power"),
        Music = map.StringOrNull("music"),
    };
}
