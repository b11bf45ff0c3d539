using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.Scheduling;

namespace ServiceBot.Core.Agent;

/// <summary>Turns the RequestAnalyzer's reading into tool calls: the offline assistant's whole "reasoning".</summary>
internal static class OfflinePlanner
{
    private const int DefaultVolumeStep = 10;
    private const int UnmuteVolume = 30;

    /// <summary>A tool call to make: the tool's name and its arguments as a model would send them.</summary>
    public sealed record PlannedCall(string Tool, Dictionary<string, object?> Arguments);

    public static IReadOnlyList<PlannedCall> Plan(RequestAnalysis analysis, ConversationContext conversation)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        IReadOnlyList<string> devices = analysis.DeviceIds;
        string? music = analysis.Music ?? conversation.LastMusic;
        return analysis.Intent switch
        {
            Intent.DeviceStatus => Each(devices, ToolNames.GetDeviceStatus),
            Intent.Troubleshoot => Each(devices, ToolNames.DiagnoseDevice, ("symptom", analysis.Symptom)),
            Intent.Restart => Each(devices, ToolNames.RestartDevice),
            Intent.DeviceInfo => Each(devices, ToolNames.GetDeviceInfo),
            Intent.VolumeSet => Each(devices, ToolNames.SetVolume, ("volume", analysis.Volume)),
            Intent.VolumeUp => Each(devices, ToolNames.ChangeVolume, ("step", analysis.VolumeStep ?? DefaultVolumeStep)),
            Intent.VolumeDown => Each(devices, ToolNames.ChangeVolume, ("step", -(analysis.VolumeStep ?? DefaultVolumeStep))),
            Intent.Mute => Each(devices, ToolNames.SetVolume, ("volume", 0)),
            Intent.Unmute => Each(devices, ToolNames.SetVolume, ("volume", UnmuteVolume)),
            Intent.PowerOn => Each(devices, ToolNames.SetPower, ("power", PowerState.On)),
            Intent.PowerOff => Each(devices, ToolNames.SetPower, ("power", PowerState.Off)),
            Intent.Relocate => Each(devices, ToolNames.MoveDevice, ("room", analysis.TargetRoom)),
            Intent.PlayMusic => Each(devices, ToolNames.PlayMusic, ("music", music ?? "some music")),
            Intent.PauseMusic => Each(devices, ToolNames.PauseMusic),
            Intent.SkipMusic => Each(devices, ToolNames.SkipTrack),
            Intent.MultiRoom => [new(ToolNames.PlayMultiRoom, new() { ["deviceIds"] = devices.ToArray(), ["music"] = music ?? "some music" })],
            Intent.RoutineCreate when analysis.Routine is { } routine => [CreateRoutine(routine)],
            Intent.RoutineCreate => [new(ToolNames.CreateRoutine, new() { ["name"] = "", ["steps"] = Array.Empty<RoutineStepInput>() })],
            Intent.RoutineList => [new(ToolNames.ListRoutines, [])],
            Intent.RoutineRun => [new(ToolNames.RunRoutine, new() { ["name"] = analysis.RoutineName ?? "" })],
            Intent.RoutineDelete => [new(ToolNames.DeleteRoutine, new() { ["name"] = analysis.RoutineName ?? "" })],
            Intent.TimerSet when analysis.Timer is { } timer => SetTimers(analysis, timer, music),
            Intent.TimerList => [new(TimerToolNames.ListTimers, [])],
            Intent.TimerCancel when analysis.DeviceIds.Count > 0 => Each(analysis.DeviceIds, TimerToolNames.CancelTimer, ("all", true)),
            Intent.TimerCancel => [new(TimerToolNames.CancelTimer, new() { ["all"] = analysis.Timer?.All ?? false })],
            _ => [],
        };
    }

    /// <summary>One set_timer per device: the command the analysis would run now, with when to run it.</summary>
    private static IReadOnlyList<PlannedCall> SetTimers(RequestAnalysis analysis, TimerDraft timer, string? music)
    {
        RequestAnalysis now = analysis with { Intent = timer.Command, Timer = null };
        return Plan(now, ConversationContext.Empty with { LastMusic = music })
            .Select(call =>
            {
                var args = new Dictionary<string, object?>(call.Arguments) { ["tool"] = call.Tool };
                if (!args.ContainsKey("deviceId") && args.Remove("deviceIds", out object? several) && several is IEnumerable<string> ids)
                {
                    // set_timer delays one device's command; a command over several (multi-room) is answered by its refusal.
                    args["deviceId"] = ids.FirstOrDefault();
                }

                if (timer.Delay is { } delay)
                {
                    args["delayMinutes"] = delay.TotalMinutes;
                }

                args["atTime"] = timer.At;
                return new PlannedCall(TimerToolNames.SetTimer, args);
            })
            .ToArray();
    }

    private static PlannedCall[] Each(IReadOnlyList<string> devices, string tool, params (string Name, object? Value)[] arguments) =>
        devices.Select(id =>
        {
            var args = new Dictionary<string, object?> { ["deviceId"] = id };
            foreach ((string name, object? value) in arguments)
            {
                args[name] = value;
            }

            return new PlannedCall(tool, args);
        }).ToArray();

    private static PlannedCall CreateRoutine(RoutineDraft routine) => new(ToolNames.CreateRoutine, new()
    {
        ["name"] = routine.Name,
        ["time"] = routine.Schedule?.Time,
        ["days"] = routine.Schedule?.Days.Select(d => d.ToString().ToLowerInvariant()).ToArray(),
        ["phrase"] = routine.Phrase,
        ["steps"] = routine.Steps.Select(s => new RoutineStepInput
        {
            Tool = s.Tool, DeviceId = s.DeviceId, Volume = s.Volume, Power = s.Power, Music = s.Music,
        }).ToArray(),
    });
}
