using System.Text.Json.Serialization;

namespace ServiceBot.Core.Customers;

/// <summary>A customer's device with its live state, exactly as docs/protocol.md's Device.</summary>
public sealed record Device
{
    public required string Id { get; init; }
    public required DeviceType Type { get; init; }
    public required string Name { get; init; }
    public required string Location { get; init; }
    public string Power { get; init; } = PowerState.On;
    public int Volume { get; init; } = 50;
    public string Status { get; init; } = DeviceStatus.Online;
    public string? NowPlaying { get; init; }

    // Diagnostics, added after the first rows were stored: absent in an old row, and left out of the JSON while unknown
    // so a device without them reads and writes exactly as before.

    /// <summary>Wi-Fi signal as the device last reported it: one of <see cref="WifiSignal"/>, or null when unknown.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Signal { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Firmware { get; init; }

    /// <summary>When the device last reached the service.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? LastSeen { get; init; }

    [JsonIgnore]
    public bool HasSpeaker => Type is DeviceType.SmartSpeaker or DeviceType.SmartDisplay;

    /// <summary>Room as a person says it: "living room".</summary>
    [JsonIgnore]
    public string RoomName => Rooms.Describe(Location);

    /// <summary>"the living room speaker".</summary>
    public string Describe() => $"the {RoomName} {TypeName(Type)}";

    public static string TypeName(DeviceType type) => type switch
    {
        DeviceType.SmartSpeaker => "speaker",
        DeviceType.SmartDisplay => "display",
        DeviceType.SmartHub => "hub",
        _ => "device",
    };
}

public enum DeviceType
{
    SmartSpeaker,
    SmartDisplay,
    SmartHub,
}

public static class PowerState
{
    public const string On = "on";
    public const string Off = "off";
}

public static class WifiSignal
{
    public const string Strong = "strong";
    public const string Fair = "fair";
    public const string Weak = "weak";
}

public static class DeviceStatus
{
    public const string Online = "online";
    public const string Offline = "offline";
}
