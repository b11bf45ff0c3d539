using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;

namespace ServiceBot.Core.Agent;

/// <summary>What an allowed command does to a device's state, and how to say it. Pure: the gate has already said yes.</summary>
internal static class DeviceOperations
{
    public static (Device Device, string Message) Apply(Device device, DeviceCommand command, DateTimeOffset now) => command.Tool switch
    {
        ToolNames.GetDeviceStatus => (device, Status(device)),
        ToolNames.GetDeviceInfo => (device, Info(device)),
        ToolNames.DiagnoseDevice => (device, DeviceDiagnosis.Describe(device, command.Symptom, now)),
        ToolNames.RestartDevice => DeviceDiagnosis.Restart(device, now),
        ToolNames.SetVolume => SetVolume(device, command.Volume!.Value),
        ToolNames.ChangeVolume => SetVolume(device, Math.Clamp(device.Volume + command.VolumeStep!.Value, 0, 100)),
        ToolNames.SetPower => SetPower(device, command.Power!),
        ToolNames.MoveDevice => (device with { Location = command.TargetRoom! }, $"Moved {device.Describe()} to the {Rooms.Describe(command.TargetRoom!)}."),
        ToolNames.PlayMusic or ToolNames.PlayMultiRoom => Play(device, command.Music),
        ToolNames.PauseMusic => device.NowPlaying is null
            ? (device, $"Nothing is playing on {device.Describe()}.")
            : (device with { NowPlaying = null }, $"Paused {device.NowPlaying} on {device.Describe()}."),
        ToolNames.SkipTrack => device.NowPlaying is null
            ? (device, $"Nothing is playing on {device.Describe()}, so there is no track to skip.")
            : (device, $"Skipped to the next track of {device.NowPlaying} on {device.Describe()}."),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.Tool, "Not a device tool."),
    };

    private static (Device, string) SetVolume(Device device, int volume)
    {
        string change = volume == device.Volume ? "stays at" : volume == 0 ? "is muted, volume" : $"went from {device.Volume} to";
        return (device with { Volume = volume }, $"The volume of {device.Describe()} {change} {volume}.");
    }

    private static (Device, string) SetPower(Device device, string power)
    {
        if (device.Power == power)
        {
            return (device, $"{Capitalize(device.Describe())} is already {power}.");
        }

        Device changed = device with { Power = power, NowPlaying = power == PowerState.Off ? null : device.NowPlaying };
        return (changed, $"Turned {power} {device.Describe()}.");
    }

    private static (Device, string) Play(Device device, string? music)
    {
        string what = string.IsNullOrWhiteSpace(music) ? device.NowPlaying ?? "your music" : music.Trim();
        return (device with { NowPlaying = what, Power = PowerState.On }, $"Now playing {what} on {device.Describe()}.");
    }

    public static string Status(Device device)
    {
        string playing = device.NowPlaying is null ? "nothing is playing" : $"playing {device.NowPlaying}";
        string sound = device.HasSpeaker ? $", volume {device.Volume}, {playing}" : "";
        return $"{Capitalize(device.Describe())} ({device.Name}) is {device.Status} and switched {device.Power}{sound}.";
    }

    public static string Info(Device device)
    {
        string can = device.Type switch
        {
            DeviceType.SmartSpeaker => "play music, change its volume, and be turned on or off",
            DeviceType.SmartDisplay => "show information, play music and video sound, change its volume, and be turned on or off",
            _ => "connect and control your other smart-home devices and be turned on or off; it has no speaker, so it can't play audio",
        };
        string firmware = device.Firmware is { } version ? $" It runs firmware {version}." : "";
        return $"{device.Name} ({device.Id}) is a {SpacedType(device.Type)} in the {device.RoomName}. It can {can}.{firmware}";
    }

    private static string SpacedType(DeviceType type) => type switch
    {
        DeviceType.SmartSpeaker => "smart speaker",
        DeviceType.SmartDisplay => "smart display",
        _ => "smart hub",
    };

    internal static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
