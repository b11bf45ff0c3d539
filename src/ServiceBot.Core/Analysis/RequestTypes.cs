using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Analysis;

/// <summary>The request types of docs/product.md and the action each requires.</summary>
public static class RequestTypes
{
    public const string DeviceStatus = "device_status";
    public const string Troubleshooting = "troubleshooting";
    public const string DeviceInfo = "device_info";
    public const string VolumeChange = "volume_change";
    public const string PowerChange = "power_change";
    public const string DeviceRelocation = "device_relocation";
    public const string PlayMusic = "play_music";
    public const string MultiRoomSetup = "multi_room_setup";
    public const string CustomRoutine = "custom_routine";

    /// <summary>A one-off delayed device command; it requires the action of the command it delays (see RequestAnalysis).</summary>
    public const string Timer = "timer";
    /// <summary>What plan am I on, its limits, what a tier adds, how to upgrade: no tier action required.</summary>
    public const string PlanQuestion = "plan_question";
    /// <summary>The customer asks for a person of the support team; no tier action is needed (everyone may).</summary>
    public const string HumanHandoff = "human_handoff";

    public static string? For(Intent intent) => intent switch
    {
        Intent.DeviceStatus => DeviceStatus,
        Intent.Troubleshoot => Troubleshooting,
        Intent.DeviceInfo => DeviceInfo,
        Intent.VolumeSet or Intent.VolumeUp or Intent.VolumeDown or Intent.Mute or Intent.Unmute => VolumeChange,
        Intent.PowerOn or Intent.PowerOff or Intent.Restart => PowerChange,
        Intent.Relocate => DeviceRelocation,
        Intent.PlayMusic or Intent.PauseMusic or Intent.SkipMusic => PlayMusic,
        Intent.MultiRoom => MultiRoomSetup,
        Intent.RoutineCreate or Intent.RoutineList or Intent.RoutineRun or Intent.RoutineDelete => CustomRoutine,
        Intent.TimerSet or Intent.TimerList or Intent.TimerCancel => Timer,
        Intent.PlanQuestion => PlanQuestion,
        Intent.HumanHandoff => HumanHandoff,
        _ => null,
    };

    public static string? RequiredAction(string? requestType) => requestType switch
    {
        DeviceStatus or Troubleshooting => Actions.StatusCheck,
        DeviceInfo => Actions.DeviceInfo,
        VolumeChange => Actions.VolumeControl,
        PowerChange => Actions.DevicePower,
        DeviceRelocation => Actions.DeviceRelocation,
        PlayMusic => Actions.MusicServices,
        MultiRoomSetup => Actions.MultiRoomAudio,
        CustomRoutine => Actions.CustomActions,
        _ => null,
    };
}
