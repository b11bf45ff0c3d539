using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Reads routine requests: creating one ("every weekday at 7 turn on the bedroom speaker", "when I say good night,
/// turn off all speakers"), listing, running ("run my good night routine", or just saying a routine's phrase) and
/// deleting them.
/// </summary>
internal static partial class RoutineReader
{
    private static readonly FrozenSet<string> NameEnd = FrozenSet.Create(
        StringComparer.Ordinal, "that", "which", "to", "and", "where", "with", "for", "when", "so", "routine", "automation", "please", "now");

    private static readonly FrozenSet<string> Determiners = FrozenSet.Create(
        StringComparer.Ordinal, "my", "the", "a", "an", "our", "this", "that", "new", "called", "named", "me", "your");

    public static RequestAnalysis? Read(Utterance u, CustomerTerms terms, ConversationContext context)
    {
        string t = u.Text;
        Match routine = RoutineWord().Match(t);
        ScheduleReading schedule = ScheduleReader.Read(u);
        (string Phrase, WordSpan Span)? trigger = ReadTrigger(u);

        if (routine.Success)
        {
            int at = u.WordAt(routine.Index);

            // The verb nearest before "routine" says what to do with it: "create a routine that turns off ..." creates.
            Match? verb = Nearest(u, at, DeleteVerb(), CreateVerb(), RunVerb());
            if (verb is not null && DeleteVerb().IsMatch(verb.Value))
            {
                return Named(Intent.RoutineDelete, u, verb, at, terms);
            }

            if ((verb is not null && CreateVerb().IsMatch(verb.Value)) || (verb is null && (schedule.Recurring || trigger is not null)))
            {
                return Create(u, terms, context, schedule, trigger, at, preamble: verb is not null);
            }

            if (verb is null && ListWords().IsMatch(t))
            {
                return new RequestAnalysis { Intent = Intent.RoutineList };
            }

            RequestAnalysis named = Named(Intent.RoutineRun, u, verb, at, terms);
            return verb is not null || named.RoutineName is not null ? named : new RequestAnalysis { Intent = Intent.RoutineList };
        }

        if (trigger is not null || schedule.Recurring || (schedule.Time is not null && ScheduleWords().IsMatch(t)))
        {
            RequestAnalysis created = Create(u, terms, context, schedule, trigger, routineAt: -1, preamble: false);
            if (created.Routine is { Steps.Count: > 0 } || created.Clarification is not null)
            {
                return created;
            }
        }

        // A routine's own phrase or name, said on its own: "good night".
        return SaidRoutine(u, terms.Customer) is { } said
            ? new RequestAnalysis { Intent = Intent.RoutineRun, RoutineName = said.Name }
            : null;
    }

    /// <summary>The last match of any of <paramref name="verbs"/> that ends before word <paramref name="before"/>.</summary>
    private static Match? Nearest(Utterance u, int before, params Regex[] verbs)
    {
        Match? nearest = null;
        foreach (Regex verb in verbs)
        {
            for (Match m = verb.Match(u.Text); m.Success; m = m.NextMatch())
            {
                if (u.WordAt(m.Index + m.Length - 1) < before && (nearest is null || m.Index > nearest.Index))
                {
                    nearest = m;
                }
            }
        }

        return nearest;
    }

    private static RequestAnalysis Create(
        Utterance u, CustomerTerms terms, ConversationContext context, ScheduleReading schedule,
        (string Phrase, WordSpan Span)? trigger, int routineAt, bool preamble)
    {
        var drop = new List<WordSpan>(schedule.Spans);
        if (trigger is { } said)
        {
            drop.Add(said.Span);
        }

        (string Name, WordSpan Span)? called = ReadCalled(u) ?? (preamble ? NameBeforeColon(u, routineAt) : null);
        if (called is { } name)
        {
            drop.Add(name.Span);
        }

        string? described = null;
        if (routineAt >= 0 && !preamble)
        {
            drop.Add(new WordSpan(routineAt, routineAt + 1));
        }
        else if (routineAt >= 0)
        {
            // "create a morning routine that ...": everything up to the routine (and its name) is preamble.
            described = Describe(u, routineAt);
            int end = Math.Max(routineAt + 1, called?.Span.End ?? 0);
            while (u[end] is "that" or "which" or "to" or "where" or "so" or "for" or "called" or "named" or "will")
            {
                end++;
            }

            drop.Add(new WordSpan(0, end));
        }

        var steps = new List<RoutineStep>();
        IReadOnlyList<string> previous = context.LastDeviceIds;
        foreach (Utterance clause in ClauseSplitter.Split(u.Without(drop)))
        {
            List<DeviceMention> mentions = DeviceMentions.Read(clause, terms);
            if (ActionReader.Read(clause, mentions, terms) is not { } action)
            {
                continue;
            }

            Intent intent = action.Intent == Intent.MultiRoom ? Intent.PlayMusic : action.Intent;
            IEnumerable<DeviceMention> usable = mentions.Where(m => action.Music is not { } music || !music.Span.Overlaps(m.Span));
            DeviceResolution devices = DeviceResolver.Resolve(usable, terms.Customer, previous, intent);
            if (devices.Clarification is not null)
            {
                return new RequestAnalysis { Intent = Intent.RoutineCreate, Clarification = devices.Clarification };
            }

            string? music = action.Music?.Music ?? (action.Music is { FromContext: true } ? context.LastMusic : null);
            steps.AddRange(devices.DeviceIds.Select(id => Step(action, intent, id, music)).OfType<RoutineStep>());
            previous = devices.DeviceIds;
        }

        // "a routine at 7", "schedule it for 6 pm": a time with no days is every day.
        RoutineSchedule? when = schedule.Schedule
            ?? (schedule is { Recurring: false, Time: { } time } ? new RoutineSchedule([], time) : null);
        string routineName = called?.Name ?? described ?? trigger?.Phrase
            ?? (when is not null ? when.Describe() : null) ?? "new routine";

        // A routine with a name but no time and no phrase runs when its name is said: "movie time".
        string? phrase = trigger?.Phrase;
        if (phrase is null && when is null && !schedule.Recurring && called is { } named)
        {
            phrase = named.Name.ToLowerInvariant();
        }

        var draft = new RoutineDraft
        {
            Name = Capitalize(routineName),
            Schedule = when,
            Phrase = phrase,
            Steps = steps,
        };
        return new RequestAnalysis
        {
            Intent = Intent.RoutineCreate,
            Routine = draft,
            DeviceIds = steps.Select(s => s.DeviceId).Distinct(StringComparer.Ordinal).ToArray(),
        };
    }

    /// <summary>The routine step an action becomes on one device; none for what a routine cannot do ("louder").</summary>
    private static RoutineStep? Step(ActionReading action, Intent intent, string deviceId, string? music) => intent switch
    {
        Intent.PowerOn => new RoutineStep { Tool = "set_power", DeviceId = deviceId, Power = PowerState.On },
        Intent.PowerOff => new RoutineStep { Tool = "set_power", DeviceId = deviceId, Power = PowerState.Off },
        Intent.VolumeSet => new RoutineStep { Tool = "set_volume", DeviceId = deviceId, Volume = action.Volume },
        Intent.Mute => new RoutineStep { Tool = "set_volume", DeviceId = deviceId, Volume = 0 },
        Intent.PlayMusic => new RoutineStep { Tool = "play_music", DeviceId = deviceId, Music = music },
        Intent.PauseMusic => new RoutineStep { Tool = "pause_music", DeviceId = deviceId },
        _ => null,
    };

    /// <summary>"when I say good night, ...", "... whenever I say movie time".</summary>
    private static (string Phrase, WordSpan Span)? ReadTrigger(Utterance u)
    {
        Match when = TriggerWords().Match(u.Text);
        if (!when.Success)
        {
            return null;
        }

        int start = u.WordAt(when.Index);
        int from = u.WordAt(when.Index + when.Length - 1) + 1;
        int end = from;
        while (end < u.Count && !(end > from && ClauseSplitter.StartsAction(u[end])) && u[end] != "then" && !(u[end] == "please" && end > from))
        {
            end++;
            if (u.BreakAfter(end - 1))
            {
                break;
            }
        }

        if (end == from)
        {
            return null;
        }

        string phrase = u.Raw(new WordSpan(from, end)).ToLowerInvariant();
        return (phrase, new WordSpan(start, end));
    }

    /// <summary>"a routine called Movie Time".</summary>
    private static (string Name, WordSpan Span)? ReadCalled(Utterance u)
    {
        for (int i = 0; i < u.Count; i++)
        {
            int from = u[i] is "called" or "named" ? i + 1 : (u[i] is "name" or "call") && u[i + 1] == "it" ? i + 2 : -1;
            if (from < 0)
            {
                continue;
            }

            int end = from;
            while (end < u.Count && end - from < 6 && !(end > from && (NameEnd.Contains(u[end]) || ClauseSplitter.StartsAction(u[end]))))
            {
                end++;
                if (u.BreakAfter(end - 1))
                {
                    break;
                }
            }

            if (end > from)
            {
                return (u.Raw(new WordSpan(from, end)), new WordSpan(i, end));
            }
        }

        return null;
    }

    /// <summary>"create routine good morning: every day at 7 ...".</summary>
    private static (string Name, WordSpan Span)? NameBeforeColon(Utterance u, int routineAt)
    {
        int from = routineAt + 1;
        for (int end = from; end < u.Count && end - from < 4; end++)
        {
            if (NameEnd.Contains(u[end]) || ClauseSplitter.StartsAction(u[end]) || u[end] is "every" or "each" or "on" or "at" or "when" or "daily")
            {
                return null;
            }

            if (u.BreakAfter(end))
            {
                return (u.Raw(new WordSpan(from, end + 1)), new WordSpan(routineAt, end + 1));
            }
        }

        return null;
    }

    /// <summary>The words between the verb (or the start) and "routine": "create a <b>morning</b> routine".</summary>
    private static string? Describe(Utterance u, int routineAt)
    {
        int start = routineAt;
        while (start > 0 && !Determiners.Contains(u[start - 1]) && !IsVerb(u[start - 1]) && start > routineAt - 4)
        {
            start--;
        }

        return start < routineAt ? u.Raw(new WordSpan(start, routineAt)) + " routine" : null;
    }

    private static bool IsVerb(string word) =>
        word is "create" or "make" or "add" or "set" or "setup" or "up" or "build" or "run" or "start" or "delete" or "remove"
            or "program" or "save" or "write" or "define" or "new" or "schedule";

    /// <summary>A run or delete: the routine named between the verb and "routine", or after "routine called".</summary>
    private static RequestAnalysis Named(Intent intent, Utterance u, Match? verb, int routineAt, CustomerTerms terms)
    {
        int verbEnd = verb is null ? 0 : u.WordAt(verb.Index + verb.Length - 1) + 1;
        string? said = null;
        if (verbEnd < routineAt)
        {
            said = Strip(u, verbEnd, routineAt);
        }

        if (said is null && routineAt + 1 < u.Count)
        {
            said = Strip(u, routineAt + 1, u.Count);
        }

        string? name = said is null ? null : Match(said, terms.Customer)?.Name ?? said;
        // "delete that routine" with one routine on the account: that one (with several, the tool asks which).
        if (name is null && terms.Customer.Routines is [{ } only])
        {
            name = only.Name;
        }

        return new RequestAnalysis { Intent = intent, RoutineName = name };
    }

    private static string? Strip(Utterance u, int start, int end)
    {
        while (start < end && (Determiners.Contains(u[start]) || u[start] is "routine" or "routines" or "please" or "now" or "all" or "of"))
        {
            start++;
        }

        while (end > start && u[end - 1] is "please" or "now" or "for" or "me" or "again" or "routine" or "today" or "tonight")
        {
            end--;
        }

        return end > start ? u.Words(new WordSpan(start, end)) : null;
    }

    private static Routine? Match(string said, Customer customer) =>
        customer.Routines.FirstOrDefault(r => Same(r.Name, said) || (r.Phrase is { } p && Same(p, said)));

    private static Routine? SaidRoutine(Utterance u, Customer customer)
    {
        if (customer.Routines.Count == 0 || u.Count == 0)
        {
            return null;
        }

        int start = u[0] is "run" or "start" or "do" or "trigger" ? 1 : 0;
        int end = u.Count;
        while (end > start && u[end - 1] is "please" or "now")
        {
            end--;
        }

        return end > start ? Match(u.Words(new WordSpan(start, end)), customer) : null;
    }

    private static bool Same(string name, string said)
    {
        string a = string.Join(' ', TextNormalizer.Words(name).Where(w => w is not ("routine" or "the" or "my")));
        string b = string.Join(' ', said.Split(' ').Where(w => w is not ("routine" or "the" or "my")));
        return a.Length > 0 && (a == b || TypoMatcher.Distance(a, b, 2) <= TypoMatcher.Tolerance(a.Length));
    }

    private static string Capitalize(string name) =>
        name.Length == 0 ? name : string.Concat(char.ToUpper(name[0], CultureInfo.InvariantCulture).ToString(), name[1..]);

    [GeneratedRegex(@"\b(routine|routines|automation|automations)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RoutineWord();

    [GeneratedRegex(@"\b(delete|remove|cancel|drop|erase|clear|disable|deactivate|stop|get rid of|turn off|forget|scrap)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DeleteVerb();

    [GeneratedRegex(@"\b(create|make|add|set up|setup|build|new|program|save|write|define|schedule)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CreateVerb();

    [GeneratedRegex(@"\b(what|which|list|show|see|view|display|any|all|have|routines)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ListWords();

    [GeneratedRegex(@"\b(run|start|trigger|execute|activate|launch|fire|kick off|begin|play)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RunVerb();

    [GeneratedRegex(@"\b(when|whenever|if|once) i (say|tell you|tell|shout|yell)( the (word|words|phrase))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TriggerWords();

    [GeneratedRegex(@"\b(schedule|scheduled|automatically|always|routinely)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ScheduleWords();
}
