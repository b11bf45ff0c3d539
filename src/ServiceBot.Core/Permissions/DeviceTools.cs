using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Permissions;

/// <summary>The device tools an agent can call, and the tier action each needs.</summary>
public static class ToolNames
{
    public const string GetDeviceStatus = "get_device_status";
    public const string GetDeviceInfo = "get_device_info";
    public const string DiagnoseDevice = "diagnose_device";
    public const string RestartDevice = "restart_device";
    public const string SetVolume = "set_volume";
    public const string ChangeVolume = "change_volume";
    public const string SetPower = "set_power";
    public const string MoveDevice = "move_device";
    public const string PlayMusic = "play_music";
    public const string PauseMusic = "pause_music";
    public const string SkipTrack = "skip_track";
    public const string PlayMultiRoom = "play_multi_room";
    public const string CreateRoutine = "create_routine";
    public const string ListRoutines = "list_routines";
    public const string RunRoutine = "run_routine";
    public const string DeleteRoutine = "delete_routine";

    /// <summary>Not a device tool: joins the support queue (human handoff). Offered on every tier.</summary>
    public const string RequestHuman = "request_human";

    public static readonly IReadOnlyList<string> All =
    [
        GetDeviceStatus, GetDeviceInfo, DiagnoseDevice, RestartDevice, SetVolume, ChangeVolume, SetPower, MoveDevice, PlayMusic,
        PauseMusic, SkipTrack, PlayMultiRoom, CreateRoutine, ListRoutines, RunRoutine, DeleteRoutine,
    ];

    /// <summary>The tier action a tool needs, or null for a tool we do not know.</summary>
    public static string? RequiredAction(string tool) => tool switch
    {
        GetDeviceStatus or DiagnoseDevice => Actions.StatusCheck,
        GetDeviceInfo => Actions.DeviceInfo,
        SetVolume or ChangeVolume => Actions.VolumeControl,
        SetPower or RestartDevice => Actions.DevicePower,
        MoveDevice => Actions.DeviceRelocation,
        PlayMusic or PauseMusic or SkipTrack => Actions.MusicServices,
        PlayMultiRoom => Actions.MultiRoomAudio,
        CreateRoutine or ListRoutines or RunRoutine or DeleteRoutine => Actions.CustomActions,
        _ => null,
    };

    /// <summary>Tools every tier may use: they change no device.</summary>
    public static bool NeedsNoAction(string tool) => tool is RequestHuman;

    /// <summary>Tools that act on a device that must have a speaker.</summary>
    public static bool NeedsSpeaker(string tool) =>
        tool is SetVolume or ChangeVolume or PlayMusic or PauseMusic or SkipTrack or PlayMultiRoom;

    /// <summary>
    /// Tools that still make sense on an offline device: reading what is known of it, and power, which is how a
    /// customer brings it back.
    /// </summary>
    public static bool WorksOffline(string tool) =>
        tool is GetDeviceStatus or GetDeviceInfo or DiagnoseDevice or SetPower or RestartDevice;

    /// <summary>Tools that name no device of their own (routines carry their devices inside).</summary>
    public static bool TakesNoDevice(string tool) =>
        tool is CreateRoutine or ListRoutines or RunRoutine or DeleteRoutine;
}
