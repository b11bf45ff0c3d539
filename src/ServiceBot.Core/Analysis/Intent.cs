namespace ServiceBot.Core.Analysis;

/// <summary>What the customer wants, finer than a request type: the offline assistant plans tool calls from it.</summary>
public enum Intent
{
    Unknown,
    Greeting,
    Thanks,
    Capabilities,
    DeviceStatus,
    DeviceInfo,
    VolumeSet,
    VolumeUp,
    VolumeDown,
    Mute,
    Unmute,
    PowerOn,
    PowerOff,
    Relocate,
    PlayMusic,
    PauseMusic,
    SkipMusic,
    MultiRoom,
    RoutineCreate,
    RoutineList,
    RoutineRun,
    RoutineDelete,
}
