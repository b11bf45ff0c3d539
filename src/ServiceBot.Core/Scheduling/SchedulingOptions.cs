namespace ServiceBot.Core.Scheduling;

/// <summary>The <c>ServiceBot:Scheduling</c> settings (docs/configuration.md) and the bounds on timers (docs/protocol.md, "Limits").</summary>
public sealed class SchedulingOptions
{
    public const string Section = "ServiceBot:Scheduling";

    /// <summary>Pending timers one customer may have at once.</summary>
    public const int MaxPendingTimers = 20;

    /// <summary>How far ahead a timer may be set.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromHours(24);

    /// <summary>How long a claimed job is held before another runner may take it (a runner that died mid-job).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Jobs claimed in one pass.</summary>
    public const int BatchSize = 25;

    /// <summary>
    /// The shortest delay a timer may have. A minute in production ("in 10 seconds" is not a smart-home timer); tests
    /// that restart a server around a timer set it lower rather than wait minutes.
    /// </summary>
    public int MinimumDelaySeconds { get; set; } = 60;

    /// <summary>
    /// A job found due later than this after its time (the service was down) is not run but recorded as missed, with a
    /// message: turning a speaker off hours late can surprise more than not doing it.
    /// </summary>
    public int MaxLatenessMinutes { get; set; } = 60;

    /// <summary>The self-hosted runner looks for due jobs at least this often (it also wakes when a job is added).</summary>
    public int PollSeconds { get; set; } = 30;

    public TimeSpan MinimumDelay => TimeSpan.FromSeconds(MinimumDelaySeconds);

    public TimeSpan MaxLateness => TimeSpan.FromMinutes(MaxLatenessMinutes);

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollSeconds);

    /// <summary>Sentences naming each setting out of range; empty when all are fine.</summary>
    public IEnumerable<string> Problems()
    {
        if (MinimumDelaySeconds is < 1 or > 3600)
        {
            yield return $"ServiceBot:Scheduling:MinimumDelaySeconds must be between 1 and 3600, not {MinimumDelaySeconds}.";
        }

        if (MaxLatenessMinutes is < 1 or > 1440)
        {
            yield return $"ServiceBot:Scheduling:MaxLatenessMinutes must be between 1 and 1440, not {MaxLatenessMinutes}.";
        }

        if (PollSeconds is < 1 or > 3600)
        {
            yield return $"ServiceBot:Scheduling:PollSeconds must be between 1 and 3600, not {PollSeconds}.";
        }
    }
}
