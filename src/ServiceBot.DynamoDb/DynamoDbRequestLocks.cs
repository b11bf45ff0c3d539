using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceBot.Core.Guards;
using static ServiceBot.DynamoDb.Attributes;

namespace ServiceBot.DynamoDb;

/// <summary>How long a claim lasts and how long, and how often, a second holder asks for it.</summary>
/// <param name="Lease">
/// How long a claim holds without being released: longer than any reply can take, so a live holder never loses it,
/// yet a holder that crashed (or a Lambda instance stopped at its timeout) blocks the key only this long.
/// </param>
/// <param name="MaxWait">How long a duplicate waits for the first delivery's reply before it is told to retry.</param>
/// <param name="FirstRetry">The first pause between tries; each next one doubles, up to <paramref name="MaxRetry"/>.</param>
/// <param name="MaxRetry">The longest pause between tries.</param>
internal sealed record RequestLockTimings(TimeSpan Lease, TimeSpan MaxWait, TimeSpan FirstRetry, TimeSpan MaxRetry)
{
    /// <summary>The message function's timeout is 90 s, so a 2-minute lease outlasts every reply it can send.</summary>
    public static RequestLockTimings Default { get; } = new(
        TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500));
}

/// <summary>
/// Request locks shared by every instance: an "in progress" row in the Guards table (<c>lock#{key}</c>), put only
/// while no live claim is there and deleted by its owner, so two deliveries of one frame on two Lambda instances
/// never run the agent twice.
/// </summary>
internal sealed partial class DynamoDbRequestLocks(
    IAmazonDynamoDB client,
    DynamoDbTables tables,
    TimeProvider time,
    ILogger<DynamoDbRequestLocks>? logger = null,
    RequestLockTimings? timings = null) : IRequestLocks
{
    private const string Owner = "owner";
    private const string ExpiresAt = "expiresAt";

    private readonly RequestLockTimings _timings = timings ?? RequestLockTimings.Default;
    private readonly ILogger _logger = logger ?? NullLogger<DynamoDbRequestLocks>.Instance;

    public async ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        string row = "lock#" + key;
        string owner = Guid.NewGuid().ToString("N");
        long started = time.GetTimestamp();
        TimeSpan pause = _timings.FirstRetry;
        while (true)
        {
            if (await TryClaimAsync(row, owner, cancellationToken).ConfigureAwait(false))
            {
                return new Claim(this, row, owner);
            }

            TimeSpan left = _timings.MaxWait - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw new RequestInProgressException();
            }

            await Task.Delay(pause < left ? pause : left, time, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, _timings.MaxRetry.Ticks));
        }
    }

    private async Task<bool> TryClaimAsync(string row, string owner, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset expires = now + _timings.Lease;
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = tables.Guards,
                Item = new()
                {
                    [DynamoDbSchema.Guards.Key] = S(row),
                    [Owner] = S(owner),
                    [ExpiresAt] = N(expires.ToUnixTimeMilliseconds()),
                    [DynamoDbSchema.Guards.Ttl] = N(expires.ToUnixTimeSeconds() + 1),
                },
                // "Or mine": when the SDK retries a put whose answer was lost, the claim it made is already there.
                ConditionExpression = "attribute_not_exists(#key) OR #expiresAt < :now OR #owner = :owner",
                ExpressionAttributeNames = new() { ["#key"] = DynamoDbSchema.Guards.Key, ["#expiresAt"] = ExpiresAt, ["#owner"] = Owner },
                ExpressionAttributeValues = new() { [":now"] = N(now.ToUnixTimeMilliseconds()), [":owner"] = S(owner) },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async ValueTask ReleaseAsync(string row, string owner)
    {
        try
        {
            // Not the request's token: a cancelled request still lets go, or its duplicates would wait out the lease.
            await client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = tables.Guards,
                Key = new() { [DynamoDbSchema.Guards.Key] = S(row) },
                ConditionExpression = "#owner = :owner",
                ExpressionAttributeNames = new() { ["#owner"] = Owner },
                ExpressionAttributeValues = new() { [":owner"] = S(owner) },
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Our lease lapsed and someone else holds the key now: theirs to release.
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            // The request's answer is out already; failing now would only add an error frame after it. The claim lapses with its lease.
            LogReleaseFailed(_logger, ex, row);
        }
    }

    private sealed class Claim(DynamoDbRequestLocks locks, string row, string owner) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _released, 1) == 0 ? locks.ReleaseAsync(row, owner) : ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the request lock {Row}; it lapses with its lease")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string row);
}
