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

public static class DeviceStatus
{
    public const string Online = "online";
    public const string Offline = "offline";
}
