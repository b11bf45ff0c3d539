using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>What the RequestAnalyzer read in one customer message.</summary>
public sealed record RequestAnalysis
{
    public required Intent Intent { get; init; }

    /// <summary>The language the message is written in: the reply is written in it too.</summary>
    public Language Language { get; init; } = Language.English;

    /// <summary>A request type of docs/product.md, or null for small talk and what it could not place.</summary>
    public string? RequestType => RequestTypes.For(Intent);

    /// <summary>The tier actions the request needs; a timer needs the action of the command it delays (listing or cancelling timers needs none).</summary>
    public IReadOnlyList<string> RequiredActions =>
        RequestTypes.RequiredAction(Timer is { } timer && Intent == Intent.TimerSet ? RequestTypes.For(timer.Command) : RequestType) is { } action ? [action] : [];

    /// <summary>The customer's devices the message means, resolved to ids (empty when none or unclear).</summary>
    public IReadOnlyList<string> DeviceIds { get; init; } = [];

    /// <summary>Set when the bot must ask before acting: which device, or a device the customer lacks.</summary>
    public Clarification? Clarification { get; init; }

    /// <summary>Absolute volume asked for, 0..100 when valid (out-of-range values are kept so the gate can refuse them).</summary>
    public int? Volume { get; init; }

    /// <summary>Relative change for up/down, always positive; null means "a bit".</summary>
    public int? VolumeStep { get; init; }

    /// <summary>Target room of a relocation, snake_case.</summary>
    public string? TargetRoom { get; init; }

    /// <summary>For troubleshooting: what the customer noticed, one of <see cref="Permissions.Symptoms"/> (null: not said).</summary>
    public string? Symptom { get; init; }

    /// <summary>For an out-of-scope request: what was asked, as "the weather" or "booking travel" (null: not placed).</summary>
    public string? OffTopic { get; init; }

    /// <summary>For a plan question: what it asks about, and the action and tier it names.</summary>
    public PlanQuestion? PlanQuestion { get; init; }

    /// <summary>Song, artist or genre asked for.</summary>
    public string? Music { get; init; }

    /// <summary>A routine to create (custom_routine / RoutineCreate).</summary>
    public RoutineDraft? Routine { get; init; }

    /// <summary>A one-off timer to set (TimerSet: the delayed command and when), or what a cancel covers.</summary>
    public TimerDraft? Timer { get; init; }

    /// <summary>The routine a run/delete refers to, by name or phrase.</summary>
    public string? RoutineName { get; init; }

    /// <summary>
    /// A device of someone else ("Alice's speaker", as the customer wrote it): never resolved to one of the customer's
    /// own devices, so nothing runs and the reply says why.
    /// </summary>
    public string? OtherPersonsDevice { get; init; }

    /// <summary>
    /// The further requests of a compound message ("... and play jazz in the kitchen"), each with its own devices and
    /// values; this record is the first. Empty for a single request.
    /// </summary>
    public IReadOnlyList<RequestAnalysis> MoreRequests { get; init; } = [];

    /// <summary>This request followed by <see cref="MoreRequests"/>: every part the reply must cover.</summary>
    public IEnumerable<RequestAnalysis> AllRequests => MoreRequests.Prepend(this);
}

public enum ClarificationKind
{
    /// <summary>Several devices fit: ask which one.</summary>
    AmbiguousDevice,

    /// <summary>The customer named a device they do not have.</summary>
    UnknownDevice,
}

/// <summary>A question back to the customer; candidates are device ids (the fitting ones, or all they own).</summary>
public sealed record Clarification(ClarificationKind Kind, IReadOnlyList<string> CandidateDeviceIds, string? Mentioned = null);

/// <summary>A routine as the customer described it, before the gate and the store see it.</summary>
public sealed record RoutineDraft
{
    public required string Name { get; init; }
    public RoutineSchedule? Schedule { get; init; }
    public string? Phrase { get; init; }
    public required IReadOnlyList<RoutineStep> Steps { get; init; }
}

/// <summary>What earlier turns of the conversation said, for "make it louder" and "play it everywhere".</summary>
public sealed record ConversationContext
{
    public static readonly ConversationContext Empty = new();

    public IReadOnlyList<string> LastDeviceIds { get; init; } = [];
    public string? LastMusic { get; init; }

    /// <summary>The customer's message that led to the last device actions, for "sorry, I mean 30" and "not the kitchen, the bedroom".</summary>
    public string? LastRequest { get; init; }

    /// <summary>The devices the bot's last reply offered to restart, for a "yes please" that accepts the offer.</summary>
    public IReadOnlyList<string> RestartOffered { get; init; } = [];

    /// <summary>The customer's request the bot's last reply answered with a question (which device?), for "the kitchen one".</summary>
    public string? PendingRequest { get; init; }
    /// <summary>The language the customer wrote in last: it stays for a message that shows none ("30", "dev_002").</summary>
    public Language? LastLanguage { get; init; }
}
