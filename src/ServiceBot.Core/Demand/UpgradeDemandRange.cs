namespace ServiceBot.Core.Demand;

/// <summary>The date ranges a report may cover: from on or before to, at most <see cref="MaxDays"/> days.</summary>
public static class UpgradeDemandRange
{
    /// <summary>A year and a day: enough for a year-on-year look, small enough to read day by day.</summary>
    public const int MaxDays = 366;

    public const int DefaultDays = 30;

    /// <summary>Throws, with a sentence for a person, unless the range can be reported.</summary>
    public static void Check(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"The report starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd}).");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"A report covers at most {MaxDays} days.");
        }
    }

    /// <summary>The last <paramref name="days"/> days up to today (UTC); the default when null.</summary>
    public static (DateOnly From, DateOnly To) LastDays(int? days, DateTimeOffset now)
    {
        int count = days ?? DefaultDays;
        if (count is < 1 or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"days must be between 1 and {MaxDays}.");
        }

        DateOnly today = DateOnly.FromDateTime(now.UtcDateTime);
        return (today.AddDays(1 - count), today);
    }

    public static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (DateOnly day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
