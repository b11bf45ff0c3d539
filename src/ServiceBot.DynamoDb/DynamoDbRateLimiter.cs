using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using ServiceBot.Core;
using ServiceBot.Core.Guards;
using static ServiceBot.DynamoDb.Attributes;

namespace ServiceBot.DynamoDb;

/// <summary>
/// Rate limits shared by every instance: a fixed window per customer and bucket, counted in one row of the Guards
/// table (<c>rate#{customerId}#{bucket}#{windowStart}</c>) by one conditional UpdateItem per request, so a customer
/// whose frames land on many Lambda instances still has one budget.
/// </summary>
internal sealed class DynamoDbRateLimiter(IAmazonDynamoDB client, DynamoDbTables tables, IOptions<ServiceBotOptions> options, TimeProvider time)
    : IRequestRateLimiter
{
    /// <summary>
    /// How long a window's row outlives the window. Only tidiness: every window has its own key, so a row TTL has
    /// not deleted yet is never read again.
    /// </summary>
    private static readonly TimeSpan TtlMargin = TimeSpan.FromMinutes(1);

    private readonly RateLimitOptions _limits = options.Value.RateLimit;

    public async ValueTask<bool> TryAcquireAsync(string customerId, RateLimitBucket bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        int limit = _limits.PermitsFor(bucket);
        if (limit == 0)
        {
            return true;
        }

        long window = _limits.WindowSeconds;
        long now = time.GetUtcNow().ToUnixTimeSeconds();
        long windowStart = now - (now % window);
        string key = string.Create(CultureInfo.InvariantCulture, $"rate#{customerId}#{bucket}#{windowStart}");
        try
        {
            // The condition and the increment are one atomic step: instances racing for the last permit cannot both win.
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tables.Guards,
                Key = new() { [DynamoDbSchema.Guards.Key] = S(key) },
                UpdateExpression = "ADD #count :one SET #ttl = :ttl",
                ConditionExpression = "attribute_not_exists(#count) OR #count < :limit",
                ExpressionAttributeNames = new() { ["#count"] = "count", ["#ttl"] = DynamoDbSchema.Guards.Ttl },
                ExpressionAttributeValues = new()
                {
                    [":one"] = N(1),
                    [":limit"] = N(limit),
                    [":ttl"] = N(windowStart + window + (long)TtlMargin.TotalSeconds),
                },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
