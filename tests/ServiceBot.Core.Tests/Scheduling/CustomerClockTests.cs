using ServiceBot.Core.Customers;
using ServiceBot.Core.Scheduling;

namespace ServiceBot.Core.Tests.Scheduling;

/// <summary>Routine times are local times: the next run is right across daylight-saving changes.</summary>
public sealed class CustomerClockTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly RoutineSchedule Weekdays = new([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], "07:00");

    [Fact]
    public void A_weekday_seven_oclock_after_the_clocks_go_back_is_seven_local_not_an_hour_off()
    {
        // Friday 30 October 2026, 13:00 UTC (09:00 EDT); the clocks go back on Sunday 1 November.
        DateTimeOffset next = CustomerClock.NextRun(Weekdays, NewYork, new(2026, 10, 30, 13, 0, 0, TimeSpan.Zero))!.Value;

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero), next);
        Assert.Equal("07:00", CustomerClock.LocalTime(next, NewYork));
    }

    [Fact]
    public void Every_day_at_seven_keeps_seven_local_across_the_spring_change()
    {
        var daily = new RoutineSchedule([], "07:00");
        DateTimeOffset saturday = CustomerClock.NextRun(daily, Berlin, new(2027, 3, 27, 5, 0, 0, TimeSpan.Zero))!.Value;
        DateTimeOffset sunday = CustomerClock.NextRun(daily, Berlin, saturday)!.Value;

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 5, 0, 0, TimeSpan.Zero), sunday);
        Assert.Equal(TimeSpan.FromHours(23), sunday - saturday);
    }

    [Fact]
    public void A_time_the_spring_change_skips_runs_an_hour_later_and_a_doubled_time_runs_once()
    {
        var skipped = new RoutineSchedule([], "02:30");
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero),
            CustomerClock.NextRun(skipped, Berlin, new(2027, 3, 27, 12, 0, 0, TimeSpan.Zero)));

        var doubled = new RoutineSchedule([], "02:30");
        DateTimeOffset first = CustomerClock.NextRun(doubled, Berlin, new(2026, 10, 24, 12, 0, 0, TimeSpan.Zero))!.Value;
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero), CustomerClock.NextRun(doubled, Berlin, first));
    }

    [Fact]
    public void An_unknown_or_missing_zone_is_utc()
    {
        Assert.Equal(TimeZoneInfo.Utc, CustomerClock.ZoneOf(new Customer { Id = "c", Name = "C", ServiceLevel = "basic" }));
        Assert.Equal(TimeZoneInfo.Utc, CustomerClock.ZoneOf(new Customer { Id = "c", Name = "C", ServiceLevel = "basic", TimeZone = "Mars/Olympus" }));
    }
}
