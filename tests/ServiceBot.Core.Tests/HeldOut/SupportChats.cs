using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceBot.Core.Tests.HeldOut;

/// <summary>support-chats.json: held-out customer messages and what each customer should notice.</summary>
public sealed record SupportChats
{
    public string? About { get; init; }

    /// <summary>The ratchet: the overall score, in whole percent, may not drop below this.</summary>
    public required int FloorPercent { get; init; }

    public required IReadOnlyList<SupportChat> Cases { get; init; }

    public static SupportChats Load() => Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "HeldOut", "support-chats.json")));

    public static SupportChats Parse(string json) =>
        JsonSerializer.Deserialize(json, SupportChatsJson.Default.SupportChats)
        ?? throw new InvalidDataException("support-chats.json is empty.");
}

/// <summary>One customer message, the earlier turns it depends on, and the expected outcome.</summary>
// Lists and maps absent from the JSON stay empty, never null: the source-generated reader sets every init-only
// property, absent ones to null.
public sealed record SupportChat
{
    public required string Id { get; init; }
    public required string Category { get; init; }
    public required string Customer { get; init; }
    public required string Text { get; init; }

    /// <summary>Earlier customer messages of the same conversation, each answered by the bot before <see cref="Text"/>.</summary>
    public IReadOnlyList<string> Before { get; init => field = value ?? []; } = [];

    /// <summary>Starting state of devices (by id), over the seeded state.</summary>
    public IReadOnlyDictionary<string, DeviceStart> Start { get; init => field = value ?? new Dictionary<string, DeviceStart>(); } = new Dictionary<string, DeviceStart>();

    public required Expectation Expect { get; init; }
}

public sealed record DeviceStart
{
    public string? Power { get; init; }
    public int? Volume { get; init; }
    public string? Status { get; init; }
    public string? NowPlaying { get; init; }
    public string? Signal { get; init; }
    public string? Location { get; init; }
    public int? LastSeenMinutesAgo { get; init; }
}

/// <summary>What the customer notices. Every stated point must hold for the case to count as right.</summary>
public sealed record Expectation
{
    /// <summary>The request type of the reply; <see cref="NoRequestType"/> when it must have none.</summary>
    public string? RequestType { get; init; }

    public IReadOnlyList<ExpectedAction> Executed { get; init => field = value ?? []; } = [];

    public IReadOnlyList<ExpectedRefusal> Refused { get; init => field = value ?? []; } = [];

    /// <summary>End state of named devices. Every device not named must end as the message found it; an empty entry allows any change.</summary>
    public IReadOnlyDictionary<string, DeviceEnd> After { get; init => field = value ?? new Dictionary<string, DeviceEnd>(); } = new Dictionary<string, DeviceEnd>();

    /// <summary>How many routines the customer has afterwards; when absent, their routines must not change.</summary>
    public int? Routines { get; init; }

    /// <summary><c>en</c>, <c>es</c> or <c>de</c>.</summary>
    public string? Language { get; init; }

    /// <summary>Each inner list: the reply contains at least one of its words where a word starts (ignoring case).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Says { get; init => field = value ?? []; } = [];

    public const string NoRequestType = "none";
}

/// <summary>An action the gate allowed and the agent carried out, on the device when one is named.</summary>
public sealed record ExpectedAction
{
    public required string Action { get; init; }
    public string? Device { get; init; }
}

/// <summary>An action the gate refused; the reply names <see cref="Tier"/> when it is given.</summary>
public sealed record ExpectedRefusal
{
    public required string Action { get; init; }
    public string? Device { get; init; }
    public string? Tier { get; init; }
}

public sealed record DeviceEnd
{
    public string? Power { get; init; }
    public int? Volume { get; init; }
    public int? VolumeAbove { get; init; }
    public int? VolumeBelow { get; init; }
    public string? Status { get; init; }
    public string? Location { get; init; }

    /// <summary>What it plays contains this (ignoring case).</summary>
    public string? NowPlaying { get; init; }

    /// <summary>Whether anything plays at all.</summary>
    public bool? Playing { get; init; }
}

// Unknown fields are an error, so a typo in the data ("excuted") fails loudly instead of checking nothing.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(SupportChats))]
internal sealed partial class SupportChatsJson : JsonSerializerContext;
