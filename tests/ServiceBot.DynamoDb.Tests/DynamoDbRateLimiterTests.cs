using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServiceBot.Core;
using ServiceBot.Core.Guards;
using ServiceBot.Testing;

namespace ServiceBot.DynamoDb.Tests;

/// <summary>The shared rate limiter: one budget per customer and bucket across instances, a fresh one each window.</summary>
public sealed class DynamoDbRateLimiterTests(DynamoDbLocal local) : IAsyncLifetime
{
    /// <summary>On a 10-second boundary, so a window starts here.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly AmazonDynamoDBClient _client = local.CreateClient();
    private readonly DynamoDbTables _tables = DynamoDbTables.FromPrefix(DynamoDbLocal.NewTablePrefix("rate"));
    private readonly FakeTimeProvider _time = new(T0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        await _client.CreateTableAsync(DynamoDbSchema.TableDefinitions(_tables).Single(t => t.TableName == _tables.Guards), Ct);

    [Fact]
    public async Task Two_instances_share_one_budget()
    {
        using AmazonDynamoDBClient other = local.CreateClient();
        DynamoDbRateLimiter first = Limiter(_client, messages: 3);
        DynamoDbRateLimiter second = Limiter(other, messages: 3);

        Assert.True(await first.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));
        Assert.True(await second.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));
        Assert.True(await first.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));
        Assert.False(await second.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));
        Assert.False(await first.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));
    }

    [Fact]
    public async Task Instances_racing_for_the_last_permits_never_exceed_the_limit()
    {
        AmazonDynamoDBClient[] clients = [.. Enumerable.Range(0, 4).Select(_ => local.CreateClient())];
        try
        {
            DynamoDbRateLimiter[] limiters = [.. clients.Select(c => Limiter(c, messages: 5))];

            bool[] answers = await Task.WhenAll(Enumerable.Range(0, 20)
                .Select(i => limiters[i % limiters.Length].TryAcquireAsync("cust_race", RateLimitBucket.Messages, Ct).AsTask()));

            Assert.Equal(5, answers.Count(a => a));
        }
        finally
        {
            foreach (AmazonDynamoDBClient client in clients)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task Buckets_and_customers_have_their_own_budgets()
    {
        DynamoDbRateLimiter limiter = Limiter(_client, messages: 2, reads: 1);

        Assert.True(await limiter.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));
        Assert.True(await limiter.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));
        Assert.False(await limiter.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));

        Assert.True(await limiter.TryAcquireAsync("cust_001", RateLimitBucket.Reads, Ct));
        Assert.False(await limiter.TryAcquireAsync("cust_001", RateLimitBucket.Reads, Ct));
        Assert.True(await limiter.TryAcquireAsync("cust_002", RateLimitBucket.Messages, Ct));
        Assert.True(await limiter.TryAcquireAsync("cust_002", RateLimitBucket.Reads, Ct));
    }

    [Fact]
    public async Task The_next_window_allows_again()
    {
        DynamoDbRateLimiter limiter = Limiter(_client, messages: 1);
        Assert.True(await limiter.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(await limiter.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await limiter.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));
        Assert.False(await limiter.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));
    }

    [Fact]
    public async Task A_limit_of_zero_never_refuses_and_never_calls_DynamoDB()
    {
        // No such table: a call would throw.
        DynamoDbTables missing = DynamoDbTables.FromPrefix(DynamoDbLocal.NewTablePrefix("none"));
        var limiter = new DynamoDbRateLimiter(_client, missing, Options(messages: 0, reads: 1), _time);

        for (int i = 0; i < 50; i++)
        {
            Assert.True(await limiter.TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct));
        }

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => limiter.TryAcquireAsync("cust_001", RateLimitBucket.Reads, Ct).AsTask());
    }

    [Fact]
    public async Task A_windows_row_expires_through_ttl_after_the_window()
    {
        await Limiter(_client, messages: 5).TryAcquireAsync("cust_001", RateLimitBucket.Messages, Ct);

        Dictionary<string, AttributeValue> row = Assert.Single((await _client.ScanAsync(new ScanRequest { TableName = _tables.Guards }, Ct)).Items);
        long ttl = long.Parse(row["ttl"].N, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ttl, T0.AddSeconds(10).ToUnixTimeSeconds(), T0.AddHours(1).ToUnixTimeSeconds());
    }

    public async ValueTask DisposeAsync()
    {
        await Tables.DeleteAsync(_client, _tables);
        _client.Dispose();
    }

    private DynamoDbRateLimiter Limiter(IAmazonDynamoDB client, int messages, int reads = 60) =>
        new(client, _tables, Options(messages, reads), _time);

    private static IOptions<ServiceBotOptions> Options(int messages, int reads) =>
        Microsoft.Extensions.Options.Options.Create(new ServiceBotOptions
        {
            RateLimit = new RateLimitOptions { PermitLimit = messages, ReadPermitLimit = reads, WindowSeconds = 10 },
        });
}
