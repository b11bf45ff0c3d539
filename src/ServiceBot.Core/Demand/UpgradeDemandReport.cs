namespace ServiceBot.Core.Demand;

/// <summary>
/// Upgrade demand over a range of days: what the staff frame <c>upgradeDemand</c> carries (docs/protocol.md). Every list
/// splits its counts by kind; <see cref="ByDay"/> has every day of the range, quiet ones with zeros.
/// </summary>
public sealed record UpgradeDemandReport(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<ActionDemand> ByAction,
    IReadOnlyList<TierUpgradeDemand> ByUpgrade,
    IReadOnlyList<DayDemand> ByDay,
    DemandTotals Totals)
{
    /// <summary>The report of the counters read for the range (counters outside it are ignored).</summary>
    public static UpgradeDemandReport Build(DateOnly from, DateOnly to, IEnumerable<UpgradeDemandCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        UpgradeDemandCount[] inRange = counts.Where(c => c.Demand.Day >= from && c.Demand.Day <= to && c.Count > 0).ToArray();

        ActionDemand[] byAction = inRange
            .GroupBy(c => c.Demand.Action)
            .Select(g => new ActionDemand(g.Key, Sum(g, DemandKinds.Refusal), Sum(g, DemandKinds.Question)))
            .OrderByDescending(a => a.Total).ThenBy(a => a.Action, StringComparer.Ordinal)
            .ToArray();
        TierUpgradeDemand[] byUpgrade = inRange
            .GroupBy(c => (c.Demand.FromTier, c.Demand.ToTier))
            .Select(g => new TierUpgradeDemand(g.Key.FromTier, g.Key.ToTier, Sum(g, DemandKinds.Refusal), Sum(g, DemandKinds.Question)))
            .OrderByDescending(u => u.Total).ThenBy(u => u.FromTier, StringComparer.Ordinal).ThenBy(u => u.ToTier, StringComparer.Ordinal)
            .ToArray();
        ILookup<DateOnly, UpgradeDemandCount> perDay = inRange.ToLookup(c => c.Demand.Day);
        DayDemand[] byDay = UpgradeDemandRange.Days(from, to)
            .Select(d => new DayDemand(d, Sum(perDay[d], DemandKinds.Refusal), Sum(perDay[d], DemandKinds.Question)))
            .ToArray();
        return new UpgradeDemandReport(from, to, byAction, byUpgrade, byDay,
            new DemandTotals(Sum(inRange, DemandKinds.Refusal), Sum(inRange, DemandKinds.Question)));
    }

    private static long Sum(IEnumerable<UpgradeDemandCount> counts, string kind) =>
        counts.Where(c => c.Demand.Kind == kind).Sum(c => c.Count);
}

/// <summary>A counter as a store keeps it: the demand's key (with its day) and how many times it was recorded.</summary>
public sealed record UpgradeDemandCount(UpgradeDemand Demand, long Count);

/// <summary>Demand for one action; <see cref="Action"/> is null for questions about a tier as a whole.</summary>
public sealed record ActionDemand(string? Action, long Refusals, long Questions)
{
    public long Total => Refusals + Questions;
}

/// <summary>Demand to move from one tier to another.</summary>
public sealed record TierUpgradeDemand(string FromTier, string ToTier, long Refusals, long Questions)
{
    public long Total => Refusals + Questions;
}

public sealed record DayDemand(DateOnly Day, long Refusals, long Questions)
{
    public long Total => Refusals + Questions;
}

public sealed record DemandTotals(long Refusals, long Questions)
{
    public long Total => Refusals + Questions;
}
