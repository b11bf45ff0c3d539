using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServiceBot.Core.Demand;
using static ServiceBot.DynamoDb.Attributes;
using Schema = ServiceBot.DynamoDb.DynamoDbSchema.UpgradeDemand;

namespace ServiceBot.DynamoDb;

/// <summary>
/// Upgrade demand counters in the UpgradeDemand table: each item is bumped with one atomic <c>ADD</c> (instances counting
/// at once never lose a count), and a report reads its days with one Query each (a day's partition holds at most a few
/// hundred counters), never a Scan.
/// </summary>
public sealed class DynamoDbUpgradeDemandStore(IAmazonDynamoDB client, DynamoDbTables tables) : IUpgradeDemandStore
{
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>Days read at once: a month's report in a few round trips, without a burst that on-demand tables throttle.</summary>
    private const int ParallelDays = 8;

    public async Task RecordAsync(IReadOnlyCollection<UpgradeDemand> demand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demand);
        foreach (UpgradeDemand item in demand)
        {
            ArgumentNullException.ThrowIfNull(item);
            item.EnsureValid();
        }

        await Task.WhenAll(demand.Select(item => client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tables.UpgradeDemand,
            Key = new()
            {
                [Schema.Day] = S(DayKey(item.Day)),
                [Schema.Counter] = S(string.Join('#', item.FromTier, item.Action ?? "", item.ToTier, item.Kind)),
            },
            UpdateExpression = "ADD #count :one SET #from = :from, #action = :action, #to = :to, #kind = :kind",
            ExpressionAttributeNames = new()
            {
                ["#count"] = Schema.Count, ["#from"] = Schema.FromTier, ["#action"] = Schema.Action, ["#to"] = Schema.ToTier, ["#kind"] = Schema.Kind,
            },
            ExpressionAttributeValues = new()
            {
                [":one"] = N(1), [":from"] = S(item.FromTier), [":action"] = S(item.Action ?? ""), [":to"] = S(item.ToTier), [":kind"] = S(item.Kind),
            },
        }, cancellationToken))).ConfigureAwait(false);
    }

    public async Task<UpgradeDemandReport> GetReportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        UpgradeDemandRange.Check(from, to);
        var counts = new List<UpgradeDemandCount>();
        DateOnly[] days = [.. UpgradeDemandRange.Days(from, to)];
        foreach (DateOnly[] chunk in days.Chunk(ParallelDays))
        {
            foreach (IReadOnlyList<UpgradeDemandCount> day in await Task.WhenAll(chunk.Select(d => ReadDayAsync(d, cancellationToken))).ConfigureAwait(false))
            {
                counts.AddRange(day);
            }
        }

        return UpgradeDemandReport.Build(from, to, counts);
    }

    private async Task<IReadOnlyList<UpgradeDemandCount>> ReadDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var counts = new List<UpgradeDemandCount>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            QueryResponse page = await client.QueryAsync(new QueryRequest
            {
                TableName = tables.UpgradeDemand,
                KeyConditionExpression = "#day = :day",
                ExpressionAttributeNames = new() { ["#day"] = Schema.Day },
                ExpressionAttributeValues = new() { [":day"] = S(DayKey(day)) },
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            foreach (Dictionary<string, AttributeValue> item in page.Items ?? [])
            {
                string action = item.String(Schema.Action);
                counts.Add(new UpgradeDemandCount(
                    new UpgradeDemand(day, item.String(Schema.FromTier), action.Length == 0 ? null : action, item.String(Schema.ToTier), item.String(Schema.Kind)),
                    item.Long(Schema.Count)));
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return counts;
    }

    private static string DayKey(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);
}
