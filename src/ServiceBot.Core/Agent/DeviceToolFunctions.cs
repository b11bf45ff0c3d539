using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.Scheduling;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Agent;

/// <summary>
/// The device tools as AIFunctions, run against one reply's toolbox. The same functions serve the offline
/// assistant and Claude; which of them are advertised depends on the tier, but every call still meets the gate.
/// </summary>
public static class DeviceToolFunctions
{
    private static readonly JsonSerializerOptions SerializerOptions = CreateOptions();

    // Described once per process, and the same instances for every reply: building the functions by reflection
    // per message cost more than running them, and the model adapters cache each tool's converted schema keyed by the
    // tool instance (a ConditionalWeakTable), so fresh instances per reply piled up dependent handles that every
    // collection had to walk. A reply's toolbox reaches the functions through the call's arguments (InvokerFor).
    private static readonly IReadOnlyList<AIFunction> Definitions = CreateDefinitions();

    /// <summary>
    /// The tools split into those the tier allows (offered to the model) and the rest (still callable, and refused by
    /// the gate). Calls must go through <see cref="InvokerFor"/>, which gives them the reply's toolbox.
    /// </summary>
    public static (IList<AITool> Offered, IList<AITool> Hidden) For(ServiceLevel tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        var offered = new List<AITool>(Definitions.Count);
        var hidden = new List<AITool>();
        foreach (AIFunction tool in Definitions)
        {
            // Timers, the plan tool and asking for a person need no tier action of their own: the gate checks a timer's
            // command, and every customer may ask about plans or for a person.
            bool usable = TimerToolNames.IsTimerTool(tool.Name) || tool.Name == PlanDetails.ToolName
                || (ToolNames.RequiredAction(tool.Name) is { } action ? tier.Allows(action) : ToolNames.NeedsNoAction(tool.Name));
            (usable ? offered : hidden).Add(tool);
        }

        return (offered, hidden);
    }

    /// <summary>
    /// Runs one tool call against a reply's toolbox: set as the function invoker's
    /// <see cref="FunctionInvokingChatClient.FunctionInvoker"/> for that reply.
    /// </summary>
    public static Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>> InvokerFor(DeviceToolbox toolbox)
    {
        ArgumentNullException.ThrowIfNull(toolbox);
        return (call, cancellationToken) =>
        {
            // The invoker makes a fresh arguments object for every call, so adding to its context touches nothing shared.
            AIFunctionArguments arguments = call.Arguments;
            arguments.Context ??= new Dictionary<object, object?>(1);
            arguments.Context[typeof(DeviceToolbox)] = toolbox;
            return call.Function.InvokeAsync(arguments, cancellationToken);
        };
    }

    private static IReadOnlyList<AIFunction> CreateDefinitions() =>
    [
        Tool(ToolNames.GetDeviceStatus, "Get a device's live state: online or offline, power, volume, what it is playing.",
            ([Description("The device id, e.g. dev_002.")] string deviceId, AIFunctionArguments call, CancellationToken ct) =>
                ToolboxOf(call).ExecuteAsync(new DeviceCommand { Tool = ToolNames.GetDeviceStatus, DeviceIds = [deviceId] }, ct)),
        Tool(ToolNames.GetDeviceInfo, "Describe a device: its type, name, room and what it can do.",
            ([Description("The device id.")] string deviceId, AIFunctionArguments call, CancellationToken ct) =>
                ToolboxOf(call).ExecuteAsync(new DeviceCommand { Tool = ToolNames.GetDeviceInfo, DeviceIds = [deviceId] }, ct)),
        Tool(ToolNames.DiagnoseDevice, "Diagnose a device the customer has trouble with: online or offline and when last seen, power, Wi-Fi signal, firmware, volume (0 is muted); the result says the likely cause and what to do.",
            ([Description("The device id.")] string deviceId,
             AIFunctionArguments call,
             [Description("What the customer noticed: no_sound, connection, frozen or not_working.")] string? symptom = null,
             CancellationToken ct = default) =>
                ToolboxOf(call).ExecuteAsync(new DeviceCommand { Tool = ToolNames.DiagnoseDevice, DeviceIds = [deviceId], Symptom = Symptoms.Read(symptom) }, ct)),
        Tool(ToolNames.RestartDevice, "Restart a device: it comes back on and online, and stops what it was playing. Use when the customer asks for a restart or agrees to one.",
            ([Description("The device id.")] string deviceId, AIFunctionArguments call, CancellationToken ct) =>
                ToolboxOf(call).ExecuteAsync(new DeviceCommand { Tool = ToolNames.RestartDevice, DeviceIds = [deviceId] }, ct)),
        Tool(ToolNames.SetVolume, "Set a device's volume to an absolute level from 0 (mute) to 100.",
            ([Description("The device id.")] string deviceId, [Description("Volume from 0 to 100.")] int? volume, AIFunctionArguments call, CancellationToken ct) =>
                ToolboxOf(call).ExecuteAsync(new DeviceCommand { Tool = ToolNames.SetVolume, DeviceIds = [deviceId], Volume = volume }, ct)),
        Tool(ToolNames.ChangeVolume, "Raise or lower a device's volume by a number of steps (positive louder, negative quieter).",
            ([Description("The device id.")] string deviceId, [Description("Steps to change, -100 to 100, e.g. 10 or -10.")] int? step, AIFunctionArguments call, CancellationToken ct) =>
                ToolboxOf(call).ExecuteAsync(new DeviceCommand { Tool = ToolNames.ChangeVolume, DeviceIds = [deviceId], VolumeStep = step }, ct)),
        Tool(ToolNames.SetPower, "Turn a device on or off.",
            ([Description("The device id.")] string deviceId, [Description("\"on\" or \"off\".")] string power, AIFunctionArguments call, CancellationToken ct) =>
                ToolboxOf(call).ExecuteAsync(new DeviceCommand { Tool = ToolNames.SetPower, DeviceIds = [deviceId], Power = power?.Trim().ToLowerInvariant() }, ct)),
        Tool(ToolNames.MoveDevice, "Move a device to another room.",
            ([Description("The device id.")] string deviceId, [Description("Target room in snake_case, e.g. dining_room.")] string room, AIFunctionArguments call, CancellationToken ct) =>
                ToolboxOf(call).ExecuteAsync(new DeviceCommand { Tool = ToolNames.MoveDevice, DeviceIds = [deviceId], TargetRoom = room?.Trim().ToLowerInvariant().Replace(' ', '_') }, ct)),
        Tool(ToolNames.PlayMusic, "Play a song, artist or genre on one device that has a speaker.",
            ([Description("The device id.")] string deviceId, [Description("Song, artist or genre, e.g. jazz.")] string music, AIFunctionArguments call, CancellationToken ct) =>
                ToolboxOf(call).ExecuteAsync(new DeviceCommand { Tool = ToolNames.PlayMusic, DeviceIds = [deviceId], Music = music }, ct)),
        Tool(ToolNames.PauseMusic, "Pause the music on a device.",
            ([Description("The device id.")] string deviceId, AIFunctionArguments call, CancellationToken ct) =>
                ToolboxOf(call).ExecuteAsync(new DeviceCommand { Tool = ToolNames.PauseMusic, DeviceIds = [deviceId] }, ct)),
        Tool(ToolNames.SkipTrack, "Skip to the next track on a device.",
            ([Description("The device id.")] string deviceId, AIFunctionArguments call, CancellationToken ct) =>
                ToolboxOf(call).ExecuteAsync(new DeviceCommand { Tool = ToolNames.SkipTrack, DeviceIds = [deviceId] }, ct)),
        Tool(ToolNames.PlayMultiRoom, "Play the same audio on several devices together (multi-room audio).",
            ([Description("Ids of the devices to group, at least two.")] string[] deviceIds, [Description("Song, artist or genre.")] string music, AIFunctionArguments call, CancellationToken ct) =>
                ToolboxOf(call).ExecuteAsync(new DeviceCommand { Tool = ToolNames.PlayMultiRoom, DeviceIds = deviceIds ?? [], Music = music }, ct)),
        Tool(ToolNames.CreateRoutine, "Create a routine: a schedule (time and days) or a spoken phrase, plus device actions.",
            ([Description("A short name, e.g. \"Morning\".")] string name,
             [Description("The device actions, in order.")] RoutineStepInput[] steps,
             AIFunctionArguments call,
             [Description("24-hour time HH:mm for a scheduled routine, e.g. 07:00; omit for a phrase routine.")] string? time = null,
             [Description("Days for a scheduled routine, e.g. [\"monday\",\"friday\"]; omit or leave empty for every day.")] string[]? days = null,
             [Description("The phrase that runs it, e.g. \"good night\"; omit for a scheduled routine.")] string? phrase = null,
             CancellationToken ct = default) =>
                new RoutineTools(ToolboxOf(call)).CreateAsync(name, ToSchedule(time, days), phrase, (steps ?? []).Select(s => s.ToStep()).ToArray(), ct)),
        Tool(ToolNames.ListRoutines, "List the customer's routines.",
            (AIFunctionArguments call) => Task.FromResult(new RoutineTools(ToolboxOf(call)).List())),
        Tool(ToolNames.RunRoutine, "Run one of the customer's routines now.",
            ([Description("The routine's name or phrase.")] string name, AIFunctionArguments call, CancellationToken ct) => new RoutineTools(ToolboxOf(call)).RunAsync(name, ct)),
        Tool(ToolNames.DeleteRoutine, "Delete one of the customer's routines.",
            ([Description("The routine's name.")] string name, AIFunctionArguments call, CancellationToken ct) => new RoutineTools(ToolboxOf(call)).DeleteAsync(name, ct)),
        Tool(TimerToolNames.SetTimer, "Set a one-off timer: run one device command later (\"turn it off in 30 minutes\", \"at 22:30 pause the music\"). Give exactly one of delayMinutes or atTime. The command is checked against the plan now and again when it runs.",
            ([Description("The command to run later: set_power, set_volume, change_volume, play_music or pause_music.")] string tool,
             [Description("The device id.")] string deviceId,
             AIFunctionArguments call,
             [Description("Minutes from now, e.g. 30 (1 to 1440).")] double? delayMinutes = null,
             [Description("Local 24-hour time HH:mm in the customer's time zone, e.g. 22:30: the next time the clock shows it.")] string? atTime = null,
             [Description("For set_power: \"on\" or \"off\".")] string? power = null,
             [Description("For set_volume: 0 to 100.")] int? volume = null,
             [Description("For change_volume: steps, -100 to 100.")] int? step = null,
             [Description("For play_music: song, artist or genre.")] string? music = null,
             CancellationToken ct = default) =>
                new TimerTools(ToolboxOf(call)).SetAsync(new DeviceCommand
                {
                    Tool = tool?.Trim().ToLowerInvariant() ?? "",
                    DeviceIds = [deviceId],
                    Power = power?.Trim().ToLowerInvariant(),
                    Volume = volume,
                    VolumeStep = step,
                    Music = music,
                }, delayMinutes, atTime, ct)),
        Tool(TimerToolNames.ListTimers, "List the customer's timers still waiting to run, with their ids.",
            (AIFunctionArguments call, CancellationToken ct) => new TimerTools(ToolboxOf(call)).ListAsync(ct)),
        Tool(TimerToolNames.CancelTimer, "Cancel a waiting timer: by its id, all of a device's, or all of them. With none of these and several waiting, the result lists them to ask which.",
            (AIFunctionArguments call,
             [Description("The timer's id from list_timers, e.g. tmr_0123456789.")] string? timerId = null,
             [Description("Cancel the timers of this device.")] string? deviceId = null,
             [Description("True to cancel every waiting timer (or every one of the device).")] bool all = false,
             CancellationToken ct = default) =>
                new TimerTools(ToolboxOf(call)).CancelAsync(timerId, deviceId, all, ct)),
        Tool(PlanDetails.ToolName, PlanDetails.ToolDescription,
            (AIFunctionArguments call) => Task.FromResult(PlanDetails.From(ToolboxOf(call).Context))),
        Tool(ToolNames.RequestHuman, HumanTool.Description,
            (AIFunctionArguments call, CancellationToken ct) => HumanTool.RequestAsync(ToolboxOf(call), ct)),
    ];

    private static AIFunction Tool(string name, string description, Delegate method) =>
        AIFunctionFactory.Create(method, new AIFunctionFactoryOptions
        {
            Name = name,
            Description = description,
            SerializerOptions = SerializerOptions,
        });

    private static DeviceToolbox ToolboxOf(AIFunctionArguments call) =>
        call.Context?.TryGetValue(typeof(DeviceToolbox), out object? toolbox) == true && toolbox is DeviceToolbox bound
            ? bound
            : throw new InvalidOperationException("A device tool was called without a reply's toolbox; invoke it through DeviceToolFunctions.InvokerFor.");

    private static RoutineSchedule? ToSchedule(string? time, string[]? days)
    {
        if (string.IsNullOrWhiteSpace(time))
        {
            return null;
        }

        var parsed = new List<DayOfWeek>();
        foreach (string day in days ?? [])
        {
            if (Enum.TryParse(day.Trim(), ignoreCase: true, out DayOfWeek d) && !parsed.Contains(d))
            {
                parsed.Add(d);
            }
        }

        return new RoutineSchedule(parsed, time.Trim());
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ToolJson.Default, AIJsonUtilities.DefaultOptions.TypeInfoResolver),
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>One step of a routine as a model writes it.</summary>
public sealed record RoutineStepInput
{
    [Description("One of set_power, set_volume, play_music, pause_music.")]
    public required string Tool { get; init; }

    [Description("The device id.")]
    public required string DeviceId { get; init; }

    [Description("For set_volume: 0 to 100.")]
    public int? Volume { get; init; }

    [Description("For set_power: \"on\" or \"off\".")]
    public string? Power { get; init; }

    [Description("For play_music: song, artist or genre.")]
    public string? Music { get; init; }

    public RoutineStep ToStep() => new() { Tool = Tool, DeviceId = DeviceId, Volume = Volume, Power = Power, Music = Music };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ToolOutcome))]
[JsonSerializable(typeof(PlanDetails))]
[JsonSerializable(typeof(RoutineStepInput[]))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ToolJson : JsonSerializerContext;
