using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceBot.Core.Tests.Analysis;

/// <summary>One phrasing of analyzer-corpus.json and what a person would expect the analyzer to read from it.</summary>
public sealed record CorpusCase
{
    public required string Text { get; init; }
    public required string Customer { get; init; }
    public CorpusContext? Context { get; init; }

    /// <summary>The language the conversation was in before this message; null: none yet.</summary>
    public string? LastLanguage { get; init; }

    /// <summary>The language the message is read as (English, Spanish, German); checked when given.</summary>
    public string? Language { get; init; }
    public required string Intent { get; init; }
    public string? RequestType { get; init; }
    public List<string> DeviceIds { get; init; } = [];
    public int? Volume { get; init; }
    public int? VolumeStep { get; init; }
    public string? TargetRoom { get; init; }
    public string? Music { get; init; }
    public CorpusRoutine? Routine { get; init; }
    public string? RoutineName { get; init; }
    public CorpusClarification? Clarification { get; init; }

    /// <summary>What a troubleshooting request says went wrong (no_sound, connection, frozen, not_working).</summary>
    public string? Symptom { get; init; }

    /// <summary>Someone else's device as written ("Alice's speaker"); null means the message names none.</summary>
    public string? OtherPersonsDevice { get; init; }

    /// <summary>The further requests of a compound message, in order; checked only when given.</summary>
    public List<CorpusPart>? MoreRequests { get; init; }
}

/// <summary>One further request of a compound message: its action, devices and values.</summary>
public sealed record CorpusPart
{
    public required string Intent { get; init; }
    public List<string> DeviceIds { get; init; } = [];
    public int? Volume { get; init; }
    public string? Music { get; init; }
}

public sealed record CorpusContext
{
    public List<string> LastDeviceIds { get; init; } = [];
    public string? LastMusic { get; init; }

    /// <summary>The customer's message behind the last device actions (what "sorry, I mean 30" corrects).</summary>
    public string? LastRequest { get; init; }

    /// <summary>The customer's request the bot answered with "which device do you mean?" (what "the kitchen one" answers).</summary>
    public string? PendingRequest { get; init; }

    /// <summary>The devices the bot's last reply offered to restart (what "yes please" accepts).</summary>
    public List<string> RestartOffered { get; init; } = [];
}

public sealed record CorpusRoutine
{
    /// <summary>Checked when given (case-insensitive); otherwise the name must only be non-empty.</summary>
    public string? Name { get; init; }
    public CorpusSchedule? Schedule { get; init; }
    public string? Phrase { get; init; }
    public List<CorpusStep> Steps { get; init; } = [];
}

public sealed record CorpusSchedule
{
    /// <summary>Empty means every day.</summary>
    public List<DayOfWeek> Days { get; init; } = [];
    public required string Time { get; init; }
}

public sealed record CorpusStep
{
    public required string Tool { get; init; }
    public required string DeviceId { get; init; }
    public int? Volume { get; init; }
    public string? Power { get; init; }
    public string? Music { get; init; }
}

public sealed record CorpusClarification
{
    public required string Kind { get; init; }
    public List<string> Candidates { get; init; } = [];
    public string? Mentioned { get; init; }
}

/// <summary>Loads analyzer-corpus.json (copied next to the test assembly).</summary>
public static class AnalyzerCorpus
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<IReadOnlyList<CorpusCase>> Loaded = new(Load);

    public static IReadOnlyList<CorpusCase> Cases => Loaded.Value;

    private static List<CorpusCase> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Analysis", "analyzer-corpus.json");
        using FileStream stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<CorpusCase>>(stream, Options)
            ?? throw new InvalidDataException("analyzer-corpus.json is empty.");
    }
}
