using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.Replies;

namespace ServiceBot.Core.Agent;

/// <summary>Enterprise routines: create, list, run, delete. Each step of a routine passes the gate when it is created and again when it runs.</summary>
public sealed class RoutineTools(DeviceToolbox toolbox)
{
    private static readonly HashSet<string> StepTools = new(StringComparer.Ordinal)
    {
        ToolNames.SetPower, ToolNames.SetVolume, ToolNames.PlayMusic, ToolNames.PauseMusic,
    };

    private Language L => toolbox.MessageLanguage;

    private string TooManyRoutines => L.Say(
        $"You have {CustomerLimits.MaxRoutines} routines, the most an account can keep. Delete one you no longer use first.",
        $"Tienes {CustomerLimits.MaxRoutines} rutinas, el máximo que puede tener una cuenta. Borra primero una que ya no uses.",
        $"Du hast {CustomerLimits.MaxRoutines} Routinen, mehr kann ein Konto nicht haben. Lösche zuerst eine, die du nicht mehr brauchst.");

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
            return Refuse(ToolNames.CreateRoutine, null, L.Say(
                $"You already have a routine called \"{routine.Name}\". Pick another name or delete that one first.",
                $"Ya tienes una rutina llamada \"{routine.Name}\". Elige otro nombre o borra esa primero.",
                $"Du hast schon eine Routine namens \"{routine.Name}\". Wähle einen anderen Namen oder lösche die alte zuerst."));
        }

        toolbox.Remember(after);
        if (toolbox.Timers is { } timers && routine.Schedule is not null)
        {
            // Its schedule really runs: the first occurrence goes on the schedule now, each run enqueues the next.
            // Its runs are told in this conversation, in the customer's language (not the reply's: a model reads that in English).
            await new Scheduling.RoutineScheduler(timers).EnqueueNextAsync(
                after, routine, toolbox.Context.ConversationId, toolbox.Context.Analysis.Language, timers.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        string when = RoutineWords.Trigger(routine, L);
        string does = ListWords.JoinAnd(steps.Select(s => RoutineWords.Step(s, after, L)), L);
        string message = L.Say(
            $"Created the routine \"{routine.Name}\": {when}, {does}.",
            $"He creado la rutina \"{routine.Name}\": {when}, {does}.",
            $"Ich habe die Routine \"{routine.Name}\" erstellt: {when}: {does}.");
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
            ? L.Say(
                "You have no routines yet. Try \"every weekday at 7 turn on the bedroom speaker\".",
                "Todavía no tienes rutinas. Prueba \"todos los días a las 7 enciende el altavoz del dormitorio\".",
                "Du hast noch keine Routinen. Probier \"jeden Tag um 7 Uhr schalte den Lautsprecher im Schlafzimmer ein\".")
            : L.Say("Your routines: ", "Tus rutinas: ", "Deine Routinen: ") + string.Join("; ", customer.Routines.Select(r =>
                $"\"{r.Name}\" ({RoutineWords.Trigger(r, L)}: {ListWords.JoinAnd(r.Steps.Select(s => RoutineWords.Step(s, customer, L)), L)})")) + ".";
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

        toolbox.Record(Action, null, allowed: true, L.Say($"Running the routine \"{routine.Name}\".", $"Ejecutando la rutina \"{routine.Name}\".", $"Die Routine \"{routine.Name}\" läuft."));
        var results = new List<string>(routine.Steps.Count);
        foreach (RoutineStep step in routine.Steps)
        {
            ToolOutcome outcome = await toolbox.ExecuteAsync(ToCommand(step), cancellationToken).ConfigureAwait(false);
            results.Add(outcome.Executed ? outcome.Message : L.Say("Skipped a step: ", "He saltado un paso: ", "Einen Schritt übersprungen: ") + outcome.Message);
        }

        return ToolOutcome.Done(L.Say($"Ran \"{routine.Name}\". ", $"He ejecutado \"{routine.Name}\". ", $"\"{routine.Name}\" ist gelaufen. ") + string.Join(" ", results));
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

        string message = L.Say($"Deleted the routine \"{routine.Name}\".", $"He borrado la rutina \"{routine.Name}\".", $"Ich habe die Routine \"{routine.Name}\" gelöscht.");
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
        if (decision.Allowed)
        {
            return null;
        }

        toolbox.NoteRefusal(decision);
        return Refuse(tool, null, decision.Reason!, decision.Kind.ToString());
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
            return L.Say(
                $"A routine needs a name of 1 to {CustomerLimits.MaxRoutineNameLength} characters.",
                $"Una rutina necesita un nombre de 1 a {CustomerLimits.MaxRoutineNameLength} caracteres.",
                $"Eine Routine braucht einen Namen mit 1 bis {CustomerLimits.MaxRoutineNameLength} Zeichen.");
        }

        if (phrase is { Length: > CustomerLimits.MaxRoutinePhraseLength })
        {
            return L.Say(
                $"A routine's phrase can be at most {CustomerLimits.MaxRoutinePhraseLength} characters.",
                $"La frase de una rutina puede tener como máximo {CustomerLimits.MaxRoutinePhraseLength} caracteres.",
                $"Der Satz einer Routine darf höchstens {CustomerLimits.MaxRoutinePhraseLength} Zeichen lang sein.");
        }

        if (toolbox.Customer.Routines.Count >= CustomerLimits.MaxRoutines)
        {
            return TooManyRoutines;
        }

        if (schedule is null && string.IsNullOrWhiteSpace(phrase))
        {
            return L.Say(
                "A routine needs a time (\"every day at 7:00\") or a phrase (\"when I say good night\").",
                "Una rutina necesita una hora (\"todos los días a las 7:00\") o una frase (\"cuando diga buenas noches\").",
                "Eine Routine braucht eine Uhrzeit (\"jeden Tag um 7:00\") oder einen Satz (\"wenn ich gute Nacht sage\").");
        }

        if (schedule is not null && !TimeOnly.TryParseExact(schedule.Time, "HH:mm", out _))
        {
            return L.Say(
                $"\"{schedule.Time}\" is not a time of day; use 24-hour HH:mm, like 07:30.",
                $"\"{schedule.Time}\" no es una hora del día; usa el formato de 24 horas HH:mm, como 07:30.",
                $"\"{schedule.Time}\" ist keine Uhrzeit; nutze 24 Stunden im Format HH:mm, etwa 07:30.");
        }

        if (steps.Count is 0 or > CustomerLimits.MaxRoutineSteps)
        {
            return L.Say(
                $"A routine needs between 1 and {CustomerLimits.MaxRoutineSteps} device actions.",
                $"Una rutina necesita entre 1 y {CustomerLimits.MaxRoutineSteps} acciones de dispositivo.",
                $"Eine Routine braucht 1 bis {CustomerLimits.MaxRoutineSteps} Geräteaktionen.");
        }

        foreach (RoutineStep step in steps)
        {
            if (!StepTools.Contains(step.Tool))
            {
                return L.Say(
                    $"A routine step can turn a device on or off, set its volume, or play or pause music; \"{step.Tool}\" is not one of those.",
                    $"Un paso de rutina puede encender o apagar un dispositivo, ajustar su volumen o poner o pausar música; \"{step.Tool}\" no es ninguno de ellos.",
                    $"Ein Routinenschritt kann ein Gerät ein- oder ausschalten, die Lautstärke stellen oder Musik abspielen oder pausieren; \"{step.Tool}\" gehört nicht dazu.");
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
        string names = string.Join(", ", routines.Select(r => $"\"{r.Name}\""));
        if (string.IsNullOrWhiteSpace(name) && routines.Count > 0)
        {
            return L.Say($"Which routine do you mean? Your routines: {names}.", $"¿Qué rutina quieres decir? Tus rutinas: {names}.", $"Welche Routine meinst du? Deine Routinen: {names}.");
        }

        return routines.Count == 0
            ? L.Say(
                $"You have no routine called \"{name}\"; you have no routines yet.",
                $"No tienes ninguna rutina llamada \"{name}\"; todavía no tienes rutinas.",
                $"Du hast keine Routine namens \"{name}\"; du hast noch keine Routinen.")
            : L.Say(
                $"You have no routine called \"{name}\". Your routines: {names}.",
                $"No tienes ninguna rutina llamada \"{name}\". Tus rutinas: {names}.",
                $"Du hast keine Routine namens \"{name}\". Deine Routinen: {names}.");
    }
}
