namespace ServiceBot.Core.ServiceLevels;

/// <summary>The actions a tier can allow (docs/product.md), and how a customer would say each.</summary>
public static class Actions
{
    public const string StatusCheck = "status_check";
    public const string DeviceInfo = "device_info";
    public const string VolumeControl = "volume_control";
    public const string DevicePower = "device_power";
    public const string DeviceRelocation = "device_relocation";
    public const string MusicServices = "music_services";
    public const string MultiRoomAudio = "multi_room_audio";
    public const string CustomActions = "custom_actions";

    public static readonly IReadOnlyList<string> All =
    [
        StatusCheck, DeviceInfo, VolumeControl, DevicePower,
        DeviceRelocation, MusicServices, MultiRoomAudio, CustomActions,
    ];

    public static string Describe(string action) => action switch
    {
        StatusCheck => "checking a device's status",
        DeviceInfo => "device information",
        VolumeControl => "volume control",
        DevicePower => "turning devices on and off",
        DeviceRelocation => "moving devices between rooms",
        MusicServices => "music playback",
        MultiRoomAudio => "multi-room audio",
        CustomActions => "custom routines",
        _ => action.Replace('_', ' '),
    };
}
