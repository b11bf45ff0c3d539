namespace ServiceBot.Core.Customers;

/// <summary>
/// An enterprise routine: a trigger (a schedule or a phrase) plus device actions.
/// Running it passes every step through the permission gate, as if the customer asked for each.
/// </summary>
public sealed record Routine
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public RoutineSchedule? Schedule { get; init; }
    public string? Phrase { get; init; }
    public required IReadOnlyList<RoutineStep> Steps { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>When a routine runs: days of the week (empty: every day) at a local time "HH:mm".</summary>
public sealed record RoutineSchedule(IReadOnlyList<DayOfWeek> Days, string Time)
{
    public string Describe()
    {
        string days = Days.Count switch
        {
            0 or 7 => "every day",
            5 when !Days.Contains(DayOfWeek.Saturday) && !Days.Contains(DayOfWeek.Sunday) => "every weekday",
            2 when Days.Contains(DayOfWeek.Saturday) && Days.Contains(DayOfWeek.Sunday) => "every weekend day",
            _ => "every " + string.Join(", ", Days.Select(d => d.ToString())),
        };
        return $"{days} at {Time}";
    }
}

/// <summary>One device action of a routine, named by the action tool it runs.</summary>
public sealed record RoutineStep
{
    public required string Tool { get; init; }
    public required string DeviceId { get; init; }
    public int? Volume { get; init; }
    public string? Power { get; init; }
    public string? Music { get; init; }

    public string Describe(Customer customer)
    {
        string device = customer.FindDevice(DeviceId)?.Describe() ?? DeviceId;
        return Tool switch
        {
            "set_power" => $"turn {Power ?? PowerState.On} {device}",
            "set_volume" => $"set {device} to volume {Volume}",
            "play_music" => $"play {Music ?? "music"} on {device}",
            "pause_music" => $"pause {device}",
            _ => $"{Tool} on {device}",
        };
    }
}
