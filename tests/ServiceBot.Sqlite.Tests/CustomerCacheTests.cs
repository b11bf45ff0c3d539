using ServiceBot.Core.Customers;
using ServiceBot.Core.Seeding;

namespace ServiceBot.Sqlite.Tests;

/// <summary>The rows the SQLite store keeps in memory: never an older version over a newer one, and never more than it may hold.</summary>
public sealed class CustomerCacheTests
{
    private static readonly Customer John = SeedData.Default.Customers.Single(c => c.Id == "cust_002");
    private static readonly Customer Jane = SeedData.Default.Customers.Single(c => c.Id == "cust_001");

    [Fact]
    public void A_slow_read_of_an_older_version_does_not_replace_a_newer_one()
    {
        var cache = new CustomerCache(capacity: 10);
        cache.Offer(John with { Version = 6 });
        cache.Offer(John with { Version = 5 });

        Assert.True(cache.TryGet("cust_002", out Customer held));
        Assert.Equal(6, held.Version);

        cache.Offer(John with { Version = 7 });
        Assert.True(cache.TryGet("cust_002", out held));
        Assert.Equal(7, held.Version);
    }

    [Fact]
    public void When_full_it_keeps_updating_the_rows_it_holds_and_takes_no_new_ones()
    {
        var cache = new CustomerCache(capacity: 1);
        cache.Offer(John with { Version = 1 });
        cache.Offer(Jane with { Version = 1 });

        Assert.False(cache.TryGet("cust_001", out _));
        cache.Offer(John with { Version = 2 });
        Assert.True(cache.TryGet("cust_002", out Customer held));
        Assert.Equal(2, held.Version);
    }

    [Fact]
    public void A_forgotten_row_is_read_from_the_file_again()
    {
        var cache = new CustomerCache(capacity: 10);
        cache.Offer(John);
        cache.Forget("cust_002");

        Assert.False(cache.TryGet("cust_002", out _));
    }
}
