namespace ServiceBot.Core.Demand;

/// <summary>
/// The report for the staff frame <c>getUpgradeDemand {days?}</c>: the last <c>days</c> days (UTC, today included;
/// 30 when absent, 1 to 366).
/// </summary>
public sealed class UpgradeDemandReports(IUpgradeDemandStore store, TimeProvider time)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/>, with a sentence for the error frame, for days outside 1..366.</summary>
    public Task<UpgradeDemandReport> LastDaysAsync(int? days, CancellationToken cancellationToken)
    {
        (DateOnly from, DateOnly to) = UpgradeDemandRange.LastDays(days, time.GetUtcNow());
        return store.GetReportAsync(from, to, cancellationToken);
    }
}
