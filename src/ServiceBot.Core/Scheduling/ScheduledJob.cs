using System.Text.Json.Serialization;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Permissions;

namespace ServiceBot.Core.Scheduling;

/// <summary>What a scheduled job does when it is due.</summary>
public enum ScheduledJobKind
{
    /// <summary>A one-off delayed device command: "turn it off in 30 minutes".</summary>
    Timer,

    /// <summary>One occurrence of a scheduled routine; the next one is enqueued once it has run.</summary>
    Routine,
}

/// <summary>
/// One job waiting for its time: who it is for, the conversation its result is told in, when it is due, and either the
/// device command (a timer) or the routine to run. It stays pending until a runner claims it, then is completed.
/// </summary>
public sealed record ScheduledJob
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }

    /// <summary>The conversation the job was set in; its result is stored there as a bot message.</summary>
    public required string ConversationId { get; init; }

    public required DateTimeOffset DueAt { get; init; }
    public required ScheduledJobKind Kind { get; init; }

    /// <summary>For a timer: the command to run, checked by the gate again when it fires.</summary>
    public DeviceCommand? Command { get; init; }

    /// <summary>For a routine occurrence: the routine's id on the customer's row.</summary>
    public string? RoutineId { get; init; }

    /// <summary>
    /// What it will do, as a customer reads it, in <see cref="Language"/>: "turn off the bedroom speaker", "apagar el
    /// altavoz del dormitorio". Written once when the job is set, in its language, and said as it is when it fires.
    /// </summary>
    public required string Description { get; init; }

    /// <summary>
    /// The language the customer set it in: what it tells them when it fires, and the language of
    /// <see cref="Description"/>. A job stored before jobs had one reads as English, which its description is.
    /// </summary>
    [JsonConverter(typeof(LanguageCodeJsonConverter))]
    public Language Language { get; init; } = Language.English;

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A job a runner holds: no other runner gets it until <see cref="LeaseUntil"/>, and only this claim can complete it.</summary>
public sealed record ClaimedJob(ScheduledJob Job, string ClaimId, DateTimeOffset LeaseUntil);

/// <summary>How a job ended.</summary>
public enum JobOutcome
{
    /// <summary>It ran (what the gate allowed of it was done, and the customer was told).</summary>
    Ran,

    /// <summary>The gate refused it when it fired (tier changed, device gone); the customer was told why.</summary>
    Refused,

    /// <summary>It was due during an outage and too late to run when the service came back; the customer was told.</summary>
    Missed,

    /// <summary>Nothing left to do: the customer or routine is gone.</summary>
    Dropped,
}
