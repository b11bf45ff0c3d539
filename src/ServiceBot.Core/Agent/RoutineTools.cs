using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;

namespace ServiceBot.Core.Agent;

/// <summary>Enterprise routines: create, list, run, delete. Each step of a routine passes the gate when it is created and again when it runs.</summary>
public sealed class RoutineTools(DeviceToolbox toolbox)
{
    private static readonly HashSet<string> StepTools = new(StringComparer.Ordinal)
    {
        ToolNames.SetPower, ToolNames.SetVolume, ToolNames.PlayMusic, ToolNames.PauseMusic,
    };

    private static readonly string TooManyRoutines =
        $"You have {CustomerLimits.MaxRoutines} routines, the most an account can keep. Delete one you no longer use first.";

    public async Task<ToolOutcome> CreateAsync(string name, RoutineSchedule? schedule, string? phrase, IReadOnlyList<RoutineStep> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (Allow(ToolNames.CreateRoutine) is { } refusal)
        {
            return refusal;
        }

        string? problem = Validate(name, schedule, phrase, steps);
        if (problem is not null)
        {
            return Refuse(ToolNames.CreateRoutine, null, problem);
        }

        var routine = new Routine
        {
            Id = "rt_" + Guid.NewGuid().ToString("N")[..10],
            Name = name.Trim(),
            Schedule = schedule,
            Phrase = string.IsNullOrWhiteSpace(phrase) ? null : phrase.Trim(),
            Steps = steps,
            CreatedAt = toolbox.Time.GetUtcNow(),
        };

        bool duplicate = false, full = false;
        Customer? after = await toolbox.Updater.UpdateAsync(toolbox.Customer.Id, toolbox.Customer, current =>
        {
            // Checked again on the row being written: two replies at once must not take the count past the limit.
            full = current.Routines.Count >= CustomerLimits.MaxRoutines;
            duplicate = current.Routines.Any(r => string.Equals(r.Name, routine.Name, StringComparison.OrdinalIgnoreCase));
            return duplicate || full ? null : current with { Routines = [.. current.Routines, routine] };
        }, cancellationToken).ConfigureAwait(false);

        if (full)
        {
            return Refuse(ToolNames.CreateRoutine, null, TooManyRoutines);
        }

        if (after is null || duplicate)
        {
            return Refuse(ToolNames.CreateRoutine, null, $"You already have a routine called \"{routine.Name}\". Pick another name or delete that one first.");
        }

        toolbox.Remember(after);
        string when = schedule?.Describe() ?? $"when you say \"{routine.Phrase}\"";
        string message = $"Created the routine \"{routine.Name}\": {when}, {Phrases.JoinAnd(steps.Select(s => s.Describe(after)))}.";
        toolbox.Record(Action, null, allowed: true, message);
        return ToolOutcome.Done(message);
    }

    public ToolOutcome List()
    {
        if (Allow(ToolNames.ListRoutines) is { } refusal)
        {
            return refusal;
        }

        Customer customer = toolbox.Customer;
        string message = customer.Routines.Count == 0
            ? "You have no routines yet. Try \"every weekday at 7 turn on the bedroom speaker\"."
            : "Your routines: " + string.Join("; ", customer.Routines.Select(r =>
                $"\"{r.Name}\" ({r.Schedule?.Describe() ?? $"when you say \"{r.Phrase}\""}: {Phrases.JoinAnd(r.Steps.Select(s => s.Describe(customer)))})")) + ".";
        toolbox.Record(Action, null, allowed: true, message);
        return ToolOutcome.Done(message);
    }

    public async Task<ToolOutcome> RunAsync(string name, CancellationToken cancellationToken)
    {
        if (Allow(ToolNames.RunRoutine) is { } refusal)
        {
            return refusal;
        }

        Routine? routine = Find(name);
        if (routine is null)
        {
            return Refuse(ToolNames.RunRoutine, null, NotFound(name));
        }

        toolbox.Record(Action, null, allowed: true, $"Running the routine \"{routine.Name}\".");
        var results = new List<string>(routine.Steps.Count);
        foreach (RoutineStep step in routine.Steps)
        {
            ToolOutcome outcome = await toolbox.ExecuteAsync(ToCommand(step), cancellationToken).ConfigureAwait(false);
            results.Add(outcome.Executed ? outcome.Message : "Skipped a step: " + outcome.Message);
        }

        return ToolOutcome.Done($"Ran \"{routine.Name}\". " + string.Join(" ", results));
    }

    public async Task<ToolOutcome> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (Allow(ToolNames.DeleteRoutine) is { } refusal)
        {
            return refusal;
        }

        Routine? routine = Find(name);
        if (routine is null)
        {
            return Refuse(ToolNames.DeleteRoutine, null, NotFound(name));
        }

        Customer? after = await toolbox.Updater.UpdateAsync(toolbox.Customer.Id, toolbox.Customer, current =>
            current.Routines.Any(r => r.Id == routine.Id) ? current with { Routines = current.Routines.Where(r => r.Id != routine.Id).ToArray() } : null,
            cancellationToken).ConfigureAwait(false);
        if (after is not null)
        {
            toolbox.Remember(after);
        }

        string message = $"Deleted the routine \"{routine.Name}\".";
        toolbox.Record(Action, null, allowed: true, message);
        return ToolOutcome.Done(message);
    }

    internal static DeviceCommand ToCommand(RoutineStep step) => new()
    {
        Tool = step.Tool,
        DeviceIds = [step.DeviceId],
        Volume = step.Volume,
        Power = step.Tool == ToolNames.SetPower ? step.Power ?? PowerState.On : step.Power,
        Music = step.Music,
    };

    private static string Action => ServiceLevels.Actions.CustomActions;

    private ToolOutcome? Allow(string tool)
    {
        GateDecision decision = toolbox.Gate.Check(toolbox.Customer, toolbox.Context.Tier, new DeviceCommand { Tool = tool }, toolbox.MessageLanguage);
        return decision.Allowed ? null : Refuse(tool, null, decision.Reason!, decision.Kind.ToString());
    }

    private ToolOutcome Refuse(string tool, string? deviceId, string reason, string? kind = "Argument")
    {
        toolbox.Record(ToolNames.RequiredAction(tool) ?? tool, deviceId, allowed: false, reason, kind);
        return ToolOutcome.Refused(reason);
    }

    private string? Validate(string name, RoutineSchedule? schedule, string? phrase, IReadOnlyList<RoutineStep> steps)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > CustomerLimits.MaxRoutineNameLength)
        {
            return $"A routine needs a name of 1 to {CustomerLimits.MaxRoutineNameLength} characters.";
        }

        if (phrase is { Length: > CustomerLimits.MaxRoutinePhraseLength })
        {
            return $"A routine's phrase can be at most {CustomerLimits.MaxRoutinePhraseLength} characters.";
        }

        if (toolbox.Customer.Routines.Count >= CustomerLimits.MaxRoutines)
        {
            return TooManyRoutines;
        }

        if (schedule is null && string.IsNullOrWhiteSpace(phrase))
        {
            return "A routine needs a time (\"every day at 7:00\") or a phrase (\"when I say good night\").";
        }

        if (schedule is not null && !TimeOnly.TryParseExact(schedule.Time, "HH:mm", out _))
        {
            return $"\"{schedule.Time}\" is not a time of day; use 24-hour HH:mm, like 07:30.";
        }

        if (steps.Count is 0 or > CustomerLimits.MaxRoutineSteps)
        {
            return $"A routine needs between 1 and {CustomerLimits.MaxRoutineSteps} device actions.";
        }

        foreach (RoutineStep step in steps)
        {
            if (!StepTools.Contains(step.Tool))
            {
                return $"A routine step can turn a device on or off, set its volume, or play or pause music; \"{step.Tool}\" is not one of those.";
            }

            GateDecision decision = toolbox.Gate.Check(toolbox.Customer, toolbox.Context.Tier, ToCommand(step), toolbox.MessageLanguage);
            if (!decision.Allowed)
            {
                return decision.Reason;
            }
        }

        return null;
    }

    private Routine? Find(string name)
    {
        IReadOnlyList<Routine> routines = toolbox.Customer.Routines;
        string wanted = (name ?? "").Trim();
        return routines.FirstOrDefault(r => string.Equals(r.Name, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Id, wanted, StringComparison.OrdinalIgnoreCase))
            ?? routines.FirstOrDefault(r => r.Phrase is not null && string.Equals(r.Phrase, wanted, StringComparison.OrdinalIgnoreCase))
            ?? routines.FirstOrDefault(r => wanted.Length > 2 && r.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase));
    }

    private string NotFound(string name)
    {
        IReadOnlyList<Routine> routines = toolbox.Customer.Routines;
        return routines.Count == 0
            ? $"You have no routine called \"{name}\"; you have no routines yet."
            : $"You have no routine called \"{name}\". Your routines: {string.Join(", ", routines.Select(r => $"\"{r.Name}\""))}.";
    }
}
