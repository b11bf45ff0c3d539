using System.Globalization;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Scheduling;

/// <summary>
/// Local times of a customer: routine times and "at 10:30pm" are read in the customer's time zone (an IANA id on the
/// row, UTC when unset or unknown). Daylight-saving safe: a time that does not exist on a day (skipped when clocks go
/// forward) runs at the same clock reading in the new offset (02:30 becomes 03:30); a time that happens twice (clocks
/// go back) runs once, the first time.
/// </summary>
public static class CustomerClock
{
    /// <summary>The customer's zone; UTC when the row names none or one this machine does not know.</summary>
    public static TimeZoneInfo ZoneOf(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Find(customer.TimeZone) ?? TimeZoneInfo.Utc;
    }

    /// <summary>The zone with this IANA id, or null when there is none of that name.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The first moment after <paramref name="after"/> when the local clock in <paramref name="zone"/> shows <paramref name="time"/>.</summary>
    public static DateTimeOffset NextAt(TimeOnly time, TimeZoneInfo zone, DateTimeOffset after) =>
        NextOn([], time, zone, after);

    /// <summary>
    /// The first moment after <paramref name="after"/> that is <paramref name="time"/> local on one of <paramref name="days"/>
    /// (empty: every day).
    /// </summary>
    public static DateTimeOffset NextOn(IReadOnlyCollection<DayOfWeek> days, TimeOnly time, TimeZoneInfo zone, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(zone);
        DateOnly today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        for (int offset = 0; offset <= 8; offset++)
        {
            DateOnly date = today.AddDays(offset);
            if (days.Count > 0 && !days.Contains(date.DayOfWeek))
            {
                continue;
            }

            DateTimeOffset at = ToInstant(date.ToDateTime(time), zone);
            if (at > after)
            {
                return at;
            }
        }

        throw new ArgumentException("No day of the week was given.", nameof(days));
    }

    /// <summary>The next run of a routine's schedule after <paramref name="after"/>, or null when its time is not HH:mm.</summary>
    public static DateTimeOffset? NextRun(RoutineSchedule schedule, TimeZoneInfo zone, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return TimeOnly.TryParseExact(schedule.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly time)
            ? NextOn(schedule.Days, time, zone, after)
            : null;
    }

    /// <summary>"22:30" in the customer's zone.</summary>
    public static string LocalTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            // Skipped by a spring-forward: the offset from before the gap carries the clock reading past it.
            TimeSpan before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // Happens twice when clocks go back: the larger offset is the earlier instant.
            TimeSpan first = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local - first, TimeSpan.Zero);
        }

        return new DateTimeOffset(local - zone.GetUtcOffset(local), TimeSpan.Zero);
    }
}
