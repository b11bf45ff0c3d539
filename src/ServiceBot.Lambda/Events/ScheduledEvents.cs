using System.Text.Json.Serialization;

namespace ServiceBot.Lambda.Events;

/// <summary>
/// What an EventBridge rule with a schedule expression sends its Lambda target: <c>"source": "aws.events"</c>,
/// <c>"detail-type": "Scheduled Event"</c>, the rule's ARN in <c>resources</c> and an empty <c>detail</c>. Only the
/// fields the schedule function reads; the rest is ignored.
/// </summary>
internal sealed record ScheduledEvent
{
    public const string ScheduledDetailType = "Scheduled Event";

    public string? Id { get; init; }

    [JsonPropertyName("detail-type")]
    public string? DetailType { get; init; }

    public string? Source { get; init; }

    /// <summary>When the rule fired (the minute's start, roughly); the jobs are judged by the function's own clock.</summary>
    public DateTimeOffset? Time { get; init; }

    public IReadOnlyList<string>? Resources { get; init; }
}

/// <summary>The schedule function's answer: what one run did, for the logs and a manual invoke.</summary>
internal sealed record ScheduleResult(int JobsHandled, int RoutinesEnqueued);
