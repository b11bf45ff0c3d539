using ServiceBot.Core.Demand;

namespace ServiceBot.Testing;

/// <summary>What every upgrade demand store must do: one abstract suite, one fixture per store (SQLite file, DynamoDB Local).</summary>
public abstract class UpgradeDemandStoreContractTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    protected abstract Task<IUpgradeDemandStore> OpenAsync();

    protected IUpgradeDemandStore Store { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Store = await OpenAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UpgradeDemand Refused(DateOnly day, string action, string to, string from = "basic") => new(day, from, action, to, DemandKinds.Refusal);

    private static UpgradeDemand Asked(DateOnly day, string? action, string to, string from = "basic") => new(day, from, action, to, DemandKinds.Question);

    [Fact]
    public async Task Recorded_demand_is_reported_by_action_upgrade_day_and_kind()
    {
        await Store.RecordAsync([Refused(Monday, "music_services", "premium")], Ct);
        await Store.RecordAsync([Refused(Monday, "music_services", "premium"), Asked(Monday, null, "enterprise")], Ct);
        await Store.RecordAsync([Refused(Monday.AddDays(1), "multi_room_audio", "enterprise", from: "premium")], Ct);
        await Store.RecordAsync([Asked(Monday.AddDays(2), "custom_actions", "enterprise")], Ct);
        await Store.RecordAsync([Refused(Monday.AddDays(-1), "music_services", "premium")], Ct); // the day before the range

        UpgradeDemandReport report = await Store.GetReportAsync(Monday, Monday.AddDays(2), Ct);

        Assert.Equal((Monday, Monday.AddDays(2)), (report.From, report.To));
        Assert.Equal(new DemandTotals(3, 2), report.Totals);
        Assert.Equal(
            [new ActionDemand("music_services", 2, 0), new ActionDemand(null, 0, 1), new ActionDemand("custom_actions", 0, 1), new ActionDemand("multi_room_audio", 1, 0)],
            report.ByAction);
        Assert.Equal(
            [new TierUpgradeDemand("basic", "enterprise", 0, 2), new TierUpgradeDemand("basic", "premium", 2, 0), new TierUpgradeDemand("premium", "enterprise", 1, 0)],
            report.ByUpgrade);
        Assert.Equal(
            [new DayDemand(Monday, 2, 1), new DayDemand(Monday.AddDays(1), 1, 0), new DayDemand(Monday.AddDays(2), 0, 1)],
            report.ByDay);
    }

    [Fact]
    public async Task Counting_one_key_from_many_requests_at_once_loses_no_count()
    {
        UpgradeDemand music = Refused(Monday, "music_services", "premium");

        await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Store.RecordAsync([music], Ct)));

        UpgradeDemandReport report = await Store.GetReportAsync(Monday, Monday, Ct);
        Assert.Equal([new ActionDemand("music_services", 25, 0)], report.ByAction);
    }

    [Fact]
    public async Task A_quiet_range_reports_every_day_with_zeros()
    {
        UpgradeDemandReport report = await Store.GetReportAsync(Monday, Monday.AddDays(6), Ct);

        Assert.Equal(new DemandTotals(0, 0), report.Totals);
        Assert.Empty(report.ByAction);
        Assert.Empty(report.ByUpgrade);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => new DayDemand(Monday.AddDays(i), 0, 0)), report.ByDay);
    }

    [Fact]
    public async Task A_batch_with_a_bad_item_counts_none_of_it()
    {
        UpgradeDemand[] batch = [Refused(Monday, "music_services", "premium"), new(Monday, "basic", "music_services", "premium", "complaint")];

        await Assert.ThrowsAsync<ArgumentException>(() => Store.RecordAsync(batch, Ct));

        Assert.Equal(new DemandTotals(0, 0), (await Store.GetReportAsync(Monday, Monday, Ct)).Totals);
    }

    [Fact]
    public async Task A_backwards_or_too_long_range_is_refused_with_a_reason()
    {
        var backwards = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetReportAsync(Monday, Monday.AddDays(-1), Ct));
        var tooLong = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetReportAsync(Monday, Monday.AddDays(UpgradeDemandRange.MaxDays), Ct));

        Assert.Contains("after it ends", backwards.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {UpgradeDemandRange.MaxDays} days", tooLong.Message, StringComparison.Ordinal);
        UpgradeDemandReport longest = await Store.GetReportAsync(Monday, Monday.AddDays(UpgradeDemandRange.MaxDays - 1), Ct);
        Assert.Equal(UpgradeDemandRange.MaxDays, longest.ByDay.Count);
    }
}
