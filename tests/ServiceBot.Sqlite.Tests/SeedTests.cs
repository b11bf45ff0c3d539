using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Seeding;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Sqlite.Tests;

/// <summary>The seed applied twice on one file: the second run changes nothing and keeps what customers changed.</summary>
public sealed class SeedTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"servicebot-seed-{Guid.NewGuid():N}.db");
    private SqliteDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path }));
        await _database.InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_path);
    }

    [Fact]
    public async Task A_second_seed_changes_nothing_and_keeps_device_state()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var customers = new SqliteCustomerStore(_database);
        var levels = new SqliteServiceLevelStore(_database);
        var seed = new SeedHandler(levels, customers, new SqliteStaffStore(_database), new ServiceLevelDirectory(levels, TimeProvider.System), NullLogger<SeedHandler>.Instance);

        SeedResult first = await seed.SeedAsync(SeedData.Default, ct);
        Assert.Equal(new SeedResult(3, 3) { StaffWritten = 2 }, first);

        await new CustomerUpdater(customers).UpdateAsync("cust_002", c => c.WithDevice(c.FindDevice("dev_003")! with { Volume = 20 }), ct);

        SeedResult second = await seed.SeedAsync(SeedData.Default, ct);
        Assert.Equal(new SeedResult(0, 0), second);
        Assert.Equal(20, (await customers.GetAsync("cust_002", ct))!.FindDevice("dev_003")!.Volume);
        Assert.Equal(3, (await levels.ListAsync(ct)).Count);
        Assert.Equal("Sam Rivera", (await new SqliteStaffStore(_database).GetAsync("staff_001", ct))?.Name);
    }

    [Fact]
    public async Task A_changed_tier_definition_is_written_again()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var customers = new SqliteCustomerStore(_database);
        var levels = new SqliteServiceLevelStore(_database);
        var seed = new SeedHandler(levels, customers, new SqliteStaffStore(_database), new ServiceLevelDirectory(levels, TimeProvider.System), NullLogger<SeedHandler>.Instance);
        await seed.SeedAsync(SeedData.Default, ct);

        SeedData wider = SeedData.Default with
        {
            ServiceLevels = SeedData.Default.ServiceLevels.Select(l => l.Level == "basic" ? l with { MaxDevices = 2 } : l).ToArray(),
        };
        Assert.Equal(new SeedResult(1, 0), await seed.SeedAsync(wider, ct));
        Assert.Equal(2, (await levels.GetAsync("basic", ct))!.MaxDevices);
    }

    [Fact]
    public void The_seed_holds_the_products_tiers_and_sample_customers()
    {
        SeedData seed = SeedData.Default;
        Assert.Equal(["basic", "premium", "enterprise"], seed.ServiceLevels.Select(l => l.Level));
        Assert.Equal([1, 3, 10], seed.ServiceLevels.Select(l => l.MaxDevices));
        Assert.Equal(["standard", "priority", "dedicated"], seed.ServiceLevels.Select(l => l.SupportPriority));
        Assert.Equal(["Jane Smith", "John Doe", "Alice Johnson"], seed.Customers.Select(c => c.Name));
        Assert.Equal(["dev_004", "dev_005", "dev_006"], seed.Customers[2].Devices.Select(d => d.Id));
        Assert.Equal(DeviceType.SmartHub, seed.Customers[2].Devices[2].Type);
    }
}
