namespace ServiceBot.Core.Permissions;

/// <summary>What a customer can report going wrong with a device.</summary>
public static class Symptoms
{
    public const string NoSound = "no_sound";
    public const string Connection = "connection";
    public const string Frozen = "frozen";
    public const string NotWorking = "not_working";

    /// <summary>One of the symptoms, or null for anything else (a model may send free text).</summary>
    public static string? Read(string? text) => text?.Trim().ToLowerInvariant().Replace(' ', '_') switch
    {
        NoSound => NoSound,
        Connection or "wifi" or "wi_fi" or "offline" => Connection,
        Frozen => Frozen,
        NotWorking => NotWorking,
        _ => null,
    };
}

/// <summary>
/// One thing the agent asks to do, whoever the agent is (offline assistant, Claude, a routine).
/// The tool name is the one the agent used; the gate maps it to the tier action it needs.
/// </summary>
public sealed record DeviceCommand
{
    public required string Tool { get; init; }
    public IReadOnlyList<string> DeviceIds { get; init; } = [];
    public int? Volume { get; init; }
    public int? VolumeStep { get; init; }
    public string? Power { get; init; }
    public string? TargetRoom { get; init; }
    public string? Music { get; init; }
    public string? RoutineName { get; init; }

    /// <summary>For a diagnosis: what the customer noticed, one of <see cref="Symptoms"/>, so the advice fits it.</summary>
    public string? Symptom { get; init; }

    public string? DeviceId => DeviceIds.Count > 0 ? DeviceIds[0] : null;
}
