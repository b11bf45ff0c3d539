using System.Diagnostics;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Time.Testing;
using ServiceBot.Core.Guards;
using ServiceBot.Testing;

namespace ServiceBot.DynamoDb.Tests;

/// <summary>The shared request locks, as two Lambda instances (each its own client) see them.</summary>
public sealed class DynamoDbRequestLocksTests(DynamoDbLocal local) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly AmazonDynamoDBClient _client = local.CreateClient();
    private readonly AmazonDynamoDBClient _otherClient = local.CreateClient();
    private readonly DynamoDbTables _tables = DynamoDbTables.FromPrefix(DynamoDbLocal.NewTablePrefix("locks"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        await _client.CreateTableAsync(DynamoDbSchema.TableDefinitions(_tables).Single(t => t.TableName == _tables.Guards), Ct);

    [Fact]
    public async Task A_second_instance_waits_until_the_first_lets_go_then_gets_the_key()
    {
        DynamoDbRequestLocks first = Locks(_client, TimeProvider.System, maxWait: TimeSpan.FromSeconds(30));
        DynamoDbRequestLocks second = Locks(_otherClient, TimeProvider.System, maxWait: TimeSpan.FromSeconds(30));
        IAsyncDisposable held = await first.AcquireAsync("cust_001\nm1", Ct);

        Task<IAsyncDisposable> waiting = second.AcquireAsync("cust_001\nm1", Ct).AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(400), Ct);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        IAsyncDisposable next = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await next.DisposeAsync();
    }

    [Fact]
    public async Task A_key_held_past_the_wait_is_refused_as_in_progress()
    {
        DynamoDbRequestLocks first = Locks(_client, TimeProvider.System, maxWait: TimeSpan.FromSeconds(30));
        DynamoDbRequestLocks impatient = Locks(_otherClient, TimeProvider.System, maxWait: TimeSpan.FromMilliseconds(300));
        await using IAsyncDisposable held = await first.AcquireAsync("cust_001\nm1", Ct);

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<RequestInProgressException>(() => impatient.AcquireAsync("cust_001\nm1", Ct).AsTask());

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_claim_whose_holder_never_let_go_is_taken_over_once_its_lease_has_passed()
    {
        var time = new FakeTimeProvider(T0);
        DynamoDbRequestLocks crashed = Locks(_client, time, maxWait: TimeSpan.Zero);
        DynamoDbRequestLocks later = Locks(_otherClient, time, maxWait: TimeSpan.Zero);
        _ = await crashed.AcquireAsync("cust_001\nm1", Ct);

        time.Advance(Lease - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<RequestInProgressException>(() => later.AcquireAsync("cust_001\nm1", Ct).AsTask());

        time.Advance(TimeSpan.FromSeconds(2));
        await using IAsyncDisposable taken = await later.AcquireAsync("cust_001\nm1", Ct);
    }

    [Fact]
    public async Task A_late_release_by_the_old_holder_leaves_the_new_holders_claim()
    {
        var time = new FakeTimeProvider(T0);
        DynamoDbRequestLocks slow = Locks(_client, time, maxWait: TimeSpan.Zero);
        DynamoDbRequestLocks other = Locks(_otherClient, time, maxWait: TimeSpan.Zero);
        IAsyncDisposable lapsed = await slow.AcquireAsync("cust_001\nm1", Ct);
        time.Advance(Lease + TimeSpan.FromSeconds(1));
        IAsyncDisposable current = await other.AcquireAsync("cust_001\nm1", Ct);

        await lapsed.DisposeAsync();

        await Assert.ThrowsAsync<RequestInProgressException>(() => slow.AcquireAsync("cust_001\nm1", Ct).AsTask());
        await current.DisposeAsync();
        await using IAsyncDisposable again = await slow.AcquireAsync("cust_001\nm1", Ct);
    }

    [Fact]
    public async Task Different_keys_do_not_block_each_other()
    {
        DynamoDbRequestLocks first = Locks(_client, TimeProvider.System, maxWait: TimeSpan.FromSeconds(30));
        DynamoDbRequestLocks second = Locks(_otherClient, TimeProvider.System, maxWait: TimeSpan.Zero);
        await using IAsyncDisposable held = await first.AcquireAsync("cust_001\nm1", Ct);

        await using IAsyncDisposable otherMessage = await second.AcquireAsync("cust_001\nm2", Ct);
        await using IAsyncDisposable otherCustomer = await second.AcquireAsync("cust_002\nm1", Ct);
    }

    [Fact]
    public async Task Many_deliveries_of_one_frame_hold_the_key_one_at_a_time()
    {
        DynamoDbRequestLocks[] instances =
        [
            Locks(_client, TimeProvider.System, maxWait: TimeSpan.FromSeconds(30)),
            Locks(_otherClient, TimeProvider.System, maxWait: TimeSpan.FromSeconds(30)),
        ];
        int inside = 0;
        int most = 0;

        await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            await using IAsyncDisposable held = await instances[i % 2].AcquireAsync("cust_001\nm1", Ct);
            int now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Delay(TimeSpan.FromMilliseconds(50), Ct);
            Interlocked.Decrement(ref inside);
        }));

        Assert.Equal(1, most);
    }

    public async ValueTask DisposeAsync()
    {
        await Tables.DeleteAsync(_client, _tables);
        _client.Dispose();
        _otherClient.Dispose();
    }

    private DynamoDbRequestLocks Locks(IAmazonDynamoDB client, TimeProvider time, TimeSpan maxWait) =>
        new(client, _tables, time, timings: new RequestLockTimings(Lease, maxWait, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100)));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
