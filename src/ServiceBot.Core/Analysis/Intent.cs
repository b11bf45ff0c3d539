namespace ServiceBot.Core.Analysis;

/// <summary>What the customer wants, finer than a request type: the offline assistant plans tool calls from it.</summary>
public enum Intent
{
    Unknown,
    Greeting,
    Thanks,
    Capabilities,

    /// <summary>A request outside smart-home support ("what's the weather"): declined, nothing runs.</summary>
    OutOfScope,
    DeviceStatus,

    /// <summary>Something is wrong with a device ("no sound", "it's frozen"): diagnose it.</summary>
    Troubleshoot,

    /// <summary>"restart my speaker".</summary>
    Restart,
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

    /// <summary>"turn it off in 30 minutes": a one-off delayed device command.</summary>
    TimerSet,
    TimerList,
    TimerCancel,
    /// <summary>A question about the plan: which one, its limits, what a tier adds, how to upgrade (<see cref="PlanQuestion"/>).</summary>
    PlanQuestion,
    /// <summary>"can I talk to a person": the conversation joins the support queue.</summary>
    HumanHandoff,
}
