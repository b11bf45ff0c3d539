namespace ServiceBot.Core.Scheduling;

/// <summary>
/// The timer tools. They need no tier action of their own: every tier may have timers, and setting one checks the
/// action of the command it delays (through the gate), as firing it does again.
/// </summary>
public static class TimerToolNames
{
    public const string SetTimer = "set_timer";
    public const string ListTimers = "list_timers";
    public const string CancelTimer = "cancel_timer";

    public static readonly IReadOnlyList<string> All = [SetTimer, ListTimers, CancelTimer];

    public static bool IsTimerTool(string tool) => tool is SetTimer or ListTimers or CancelTimer;
}
