using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Scheduling;
using static ServiceBot.DynamoDb.Attributes;
using Schema = ServiceBot.DynamoDb.DynamoDbSchema.Schedule;

namespace ServiceBot.DynamoDb;

/// <summary>
/// Scheduled jobs on DynamoDB. The due query is a Query on the sparse DueIndex (<c>dueShard = pending</c>,
/// <c>visibleAt &lt;= now</c>); a claim is a conditional update that moves <c>visibleAt</c> to the lease end only while
/// it still holds the value the query read, so of two claimers exactly one wins. Index reads are eventually consistent:
/// a job may show up a moment late, never twice, because the claim is decided on the table itself.
/// </summary>
public sealed class DynamoDbScheduledJobStore(IAmazonDynamoDB client, DynamoDbTables tables) : IScheduledJobStore
{
    private static readonly TimeSpan EndedKept = TimeSpan.FromDays(7);

    public async Task<bool> TryAddAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = tables.Schedule,
                Item = new()
                {
                    [Schema.Id] = S(job.Id),
                    ["customerId"] = S(job.CustomerId),
                    [Schema.DueShard] = S(Schema.PendingShard),
                    [Schema.VisibleAt] = S(Timestamps.ToKey(job.DueAt)),
                    [Schema.PendingCustomerId] = S(job.CustomerId),
                    ["state"] = S("pending"),
                    ["data"] = S(SchedulingJson.Serialize(job)),
                },
                ConditionExpression = "attribute_not_exists(#id)",
                ExpressionAttributeNames = new() { ["#id"] = Schema.Id },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<ClaimedJob>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        QueryResponse due = await client.QueryAsync(new QueryRequest
        {
            TableName = tables.Schedule,
            IndexName = Schema.DueIndex,
            KeyConditionExpression = "#shard = :pending AND #visible <= :now",
            ExpressionAttributeNames = new() { ["#shard"] = Schema.DueShard, ["#visible"] = Schema.VisibleAt },
            ExpressionAttributeValues = new() { [":pending"] = S(Schema.PendingShard), [":now"] = S(Timestamps.ToKey(now)) },
            Limit = max,
        }, cancellationToken).ConfigureAwait(false);

        string claimId = "claim_" + Guid.NewGuid().ToString("N");
        DateTimeOffset until = now + lease;
        var claimed = new List<ClaimedJob>();
        foreach (Dictionary<string, AttributeValue> item in due.Items ?? [])
        {
            try
            {
                await client.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = tables.Schedule,
                    Key = new() { [Schema.Id] = S(item.String(Schema.Id)) },
                    UpdateExpression = "SET #visible = :until, #claim = :claim",
                    ConditionExpression = "#visible = :seen AND #state = :pending",
                    ExpressionAttributeNames = new() { ["#visible"] = Schema.VisibleAt, ["#claim"] = "claimId", ["#state"] = "state" },
                    ExpressionAttributeValues = new()
                    {
                        [":until"] = S(Timestamps.ToKey(until)),
                        [":claim"] = S(claimId),
                        [":seen"] = S(item.String(Schema.VisibleAt)),
                        [":pending"] = S("pending"),
                    },
                }, cancellationToken).ConfigureAwait(false);
                claimed.Add(new ClaimedJob(SchedulingJson.Deserialize(item.String("data")), claimId, until));
            }
            catch (ConditionalCheckFailedException)
            {
                // Another runner claimed it (or it was cancelled) since the index showed it.
            }
        }

        return claimed.OrderBy(c => c.Job.DueAt).ToArray();
    }

    public async Task<bool> CompleteAsync(ClaimedJob claim, JobOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return await EndAsync(claim.Job.Id, outcome.ToString().ToLowerInvariant(), now,
            "#claim = :claim AND #state = :pending", new() { [":claim"] = S(claim.ClaimId) }, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> CancelAsync(string customerId, string jobId, CancellationToken cancellationToken) =>
        EndAsync(jobId, "cancelled", DateTimeOffset.UtcNow,
            "#customer = :customer AND #state = :pending AND attribute_not_exists(#claim)", new() { [":customer"] = S(customerId) }, cancellationToken);

    public async Task<IReadOnlyList<ScheduledJob>> ListPendingAsync(string customerId, CancellationToken cancellationToken)
    {
        var jobs = new List<ScheduledJob>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            QueryResponse page = await client.QueryAsync(new QueryRequest
            {
                TableName = tables.Schedule,
                IndexName = Schema.CustomerIndex,
                KeyConditionExpression = "#customer = :customer",
                ExpressionAttributeNames = new() { ["#customer"] = Schema.PendingCustomerId },
                ExpressionAttributeValues = new() { [":customer"] = S(customerId) },
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            jobs.AddRange((page.Items ?? []).Select(i => SchedulingJson.Deserialize(i.String("data"))));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return jobs.OrderBy(j => j.DueAt).ToArray();
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        QueryResponse first = await client.QueryAsync(new QueryRequest
        {
            TableName = tables.Schedule,
            IndexName = Schema.DueIndex,
            KeyConditionExpression = "#shard = :pending",
            ExpressionAttributeNames = new() { ["#shard"] = Schema.DueShard },
            ExpressionAttributeValues = new() { [":pending"] = S(Schema.PendingShard) },
            Limit = 1,
        }, cancellationToken).ConfigureAwait(false);
        return first.Items is [{ } item, ..] ? Timestamps.FromKey(item.String(Schema.VisibleAt)) : null;
    }

    /// <summary>Ends a job while <paramref name="condition"/> holds: it leaves both indexes and is kept a week for the record.</summary>
    private async Task<bool> EndAsync(
        string jobId, string state, DateTimeOffset now, string condition, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        const string update = "SET #state = :state, #ttl = :ttl REMOVE #shard, #pendingCustomer";
        string expression = update + " " + condition;
        var names = new Dictionary<string, string>
        {
            ["#id"] = Schema.Id, ["#state"] = "state", ["#ttl"] = Schema.Ttl, ["#shard"] = Schema.DueShard,
            ["#pendingCustomer"] = Schema.PendingCustomerId, ["#claim"] = "claimId", ["#customer"] = "customerId",
        };
        var allValues = new Dictionary<string, AttributeValue>(values)
        {
            [":state"] = S(state),
            [":pending"] = S("pending"),
            [":ttl"] = N((now + EndedKept).ToUnixTimeSeconds()),
        };
        try
        {
            // DynamoDB refuses names and values an expression does not use: pass only those this one does.
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tables.Schedule,
                Key = new() { [Schema.Id] = S(jobId) },
                UpdateExpression = update,
                ConditionExpression = "attribute_exists(#id) AND " + condition,
                ExpressionAttributeNames = names.Where(n => n.Key == "#id" || expression.Contains(n.Key, StringComparison.Ordinal)).ToDictionary(),
                ExpressionAttributeValues = allValues.Where(v => expression.Contains(v.Key, StringComparison.Ordinal)).ToDictionary(),
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
