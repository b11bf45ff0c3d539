namespace ServiceBot.Core.Demand;

/// <summary>
/// Upgrade demand as counters, one per (day, from tier, action, to tier, kind): recording adds to a counter and the
/// report reads only the counters of its days, never the messages.
/// </summary>
public interface IUpgradeDemandStore
{
    /// <summary>Adds one to the counter of each item (an item given twice counts twice).</summary>
    Task RecordAsync(IReadOnlyCollection<UpgradeDemand> demand, CancellationToken cancellationToken);

    /// <summary>
    /// The demand of the days <paramref name="from"/> to <paramref name="to"/> (UTC, both included), totalled by action,
    /// by tier upgrade, by day and by kind. Throws <see cref="ArgumentOutOfRangeException"/> for a range that
    /// <see cref="UpgradeDemandRange.Check"/> refuses.
    /// </summary>
    Task<UpgradeDemandReport> GetReportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
