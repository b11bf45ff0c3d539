using System.Text.RegularExpressions;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>A one-off timer as the customer said it: the device request to delay, and either a delay or a local time.</summary>
public sealed record TimerDraft
{
    /// <summary>What to do when it fires, read as if said now ("turn off the bedroom speaker" is PowerOff).</summary>
    public Intent Command { get; init; }

    /// <summary>"in 30 minutes".</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>"at 10:30pm": local "HH:mm" in the customer's time zone, the next time the clock shows it.</summary>
    public string? At { get; init; }

    /// <summary>For a cancel: "cancel all my timers".</summary>
    public bool All { get; init; }
}

/// <summary>
/// Reads one-off timers ("turn it off in 30 minutes", "in an hour turn the kitchen display down to 10", "turn off the
/// bedroom speaker at 10:30pm", "pause the music in 20 min"), and asking about them ("what timers do I have", "cancel my
/// timer"). Read before routines: a time said once with no schedule words is a timer, not a routine. A recurring time
/// ("every day at 7") is left to <see cref="RoutineReader"/>; "set a timer for 10 minutes" with no device request is no
/// timer of ours and is left to the readers after it.
/// </summary>
internal static partial class TimerReader
{
    public static RequestAnalysis? Read(Utterance u, CustomerTerms terms, ConversationContext context)
    {
        if (ReadSleepTimer(u, terms, context) is { } sleep)
        {
            return sleep;
        }

        (TimeSpan? delay, string? at, List<WordSpan> spans) = ReadWhen(u);
        if (delay is not null || at is not null)
        {
            foreach (Match preamble in TimerPreamble().Matches(u.Text))
            {
                spans.Add(u.SpanOf(preamble.Index, preamble.Length));
            }

            Utterance rest = u.Without(spans);
            if (!rest.IsEmpty && DeviceRequestReader.Read(rest, terms, context) is { Intent: not (Intent.Unknown or Intent.OutOfScope) } request)
            {
                return request with
                {
                    Intent = Intent.TimerSet,
                    Timer = new TimerDraft { Command = request.Intent, Delay = delay, At = at },
                    MoreRequests = [],
                };
            }

            return null;
        }

        string t = u.Text;
        if (!TimerWord().IsMatch(t))
        {
            return null;
        }

        if (CancelVerb().IsMatch(t))
        {
            IReadOnlyList<string> devices = DeviceMentions.Read(u, terms) is { Count: > 0 } mentions
                ? DeviceResolver.Resolve(mentions, terms.Customer, [], Intent.TimerCancel).DeviceIds
                : [];
            return new RequestAnalysis
            {
                Intent = Intent.TimerCancel,
                DeviceIds = devices,
                Timer = new TimerDraft { All = AllWord().IsMatch(t) },
            };
        }

        return ListWords().IsMatch(t) ? new RequestAnalysis { Intent = Intent.TimerList } : null;
    }

    /// <summary>
    /// A sleep timer ("set a sleep timer for 20 minutes", "sleep timer 45 min on the bedroom speaker") turns the device
    /// off when it runs out: the one named; with none named, the one device playing, or the conversation's, or the only
    /// device with a speaker; otherwise the bot asks which.
    /// </summary>
    private static RequestAnalysis? ReadSleepTimer(Utterance u, CustomerTerms terms, ConversationContext context)
    {
        Match sleep = SleepTimer().Match(u.Text);
        if (!sleep.Success)
        {
            return null;
        }

        var spans = new List<WordSpan> { u.SpanOf(sleep.Index, sleep.Length) };
        TimeSpan? delay = null;
        for (int i = 0; i < u.Count && delay is null; i++)
        {
            int from = u[i] is "for" or "of" or "in" or "after" or "to" ? i + 1 : i;
            if (ReadDuration(u, from, out TimeSpan found, out int end))
            {
                delay = found;
                spans.Add(new WordSpan(i, end));
            }
        }

        if (delay is null)
        {
            return null;
        }

        Utterance rest = u.Without(spans);
        Customer customer = terms.Customer;
        var timer = new TimerDraft { Command = Intent.PowerOff, Delay = delay };
        if (!rest.IsEmpty && OtherPeoplesDevices.Find(rest.Raw(new WordSpan(0, rest.Count)), customer) is { } others)
        {
            return new RequestAnalysis { Intent = Intent.TimerSet, OtherPersonsDevice = others, Timer = timer };
        }

        List<DeviceMention> mentions = rest.IsEmpty ? [] : DeviceMentions.Read(rest, terms);
        Device[] speakers = customer.Devices.Where(d => d.HasSpeaker).ToArray();
        Device[] playing = speakers.Where(d => d.NowPlaying is not null).ToArray();
        DeviceResolution devices = mentions.Count > 0 || (playing.Length != 1 && context.LastDeviceIds.Any(id => customer.FindDevice(id) is not null))
            ? DeviceResolver.Resolve(mentions, customer, context.LastDeviceIds, Intent.PowerOff)
            : playing.Length == 1 ? new DeviceResolution([playing[0].Id], null)
            : speakers.Length == 1 ? new DeviceResolution([speakers[0].Id], null)
            : speakers.Length == 0 ? DeviceResolver.Resolve([], customer, [], Intent.PowerOff)
            : new DeviceResolution([], new Clarification(ClarificationKind.AmbiguousDevice, (playing.Length > 1 ? playing : speakers).Select(d => d.Id).ToArray()));
        return new RequestAnalysis { Intent = Intent.TimerSet, DeviceIds = devices.DeviceIds, Clarification = devices.Clarification, Timer = timer };
    }

    /// <summary>"in 30 minutes", "in an hour and a half", "after 2 hours", "at 10:30pm" (said once, not every day).</summary>
    private static (TimeSpan? Delay, string? At, List<WordSpan> Spans) ReadWhen(Utterance u)
    {
        for (int i = 0; i < u.Count; i++)
        {
            if (u[i] is "in" or "after" or "within" && ReadDuration(u, i + 1, out TimeSpan delay, out int end))
            {
                int start = i;
                if (u[end] is "from" && u[end + 1] is "now")
                {
                    end += 2;
                }

                return (delay, null, [new WordSpan(start, end)]);
            }
        }

        ScheduleReading schedule = ScheduleReader.Read(u);
        if (schedule is { Recurring: false, Time: { } time } && !ScheduleWords().IsMatch(u.Text) && SaidAsClockTime(u, schedule.Spans))
        {
            return (null, time, [.. schedule.Spans]);
        }

        return (null, null, []);
    }

    /// <summary>
    /// "at 10:30pm", "at 11 o'clock", "at noon", "at 7 tonight": a bare "at 15" is how customers give a volume ("put it
    /// at 15"), so a time said once needs a clock's mark: am/pm, o'clock, minutes, or a part of the day.
    /// </summary>
    private static bool SaidAsClockTime(Utterance u, IReadOnlyList<WordSpan> spans)
    {
        int numbers = 0;
        foreach (WordSpan span in spans)
        {
            for (int i = span.Start; i < span.End; i++)
            {
                string word = u[i];
                if (word is "am" or "pm" or "oclock" or "clock" or "noon" or "midday" or "midnight" or "tonight"
                    or "morning" or "afternoon" or "evening" or "night" or "half" or "quarter" or "past")
                {
                    return true;
                }

                if (NumberReader.TryRead(u, i, out NumberToken number))
                {
                    numbers++;
                    i = number.Span.End - 1;
                }
            }
        }

        return numbers > 1;
    }

    /// <summary>"30 minutes", "an hour", "half an hour", "1 hour and 15 minutes", "20 min", "90 seconds".</summary>
    private static bool ReadDuration(Utterance u, int start, out TimeSpan delay, out int end)
    {
        delay = TimeSpan.Zero;
        end = start;
        if (u[start] == "half" && u[start + 1] is "an" or "a" && IsHour(u[start + 2]))
        {
            delay = TimeSpan.FromMinutes(30);
            end = start + 3;
            return true;
        }

        if (!ReadAmount(u, start, out TimeSpan first, out end))
        {
            return false;
        }

        delay = first;
        if (u[end] == "and" && u[end + 1] == "a" && u[end + 2] == "half")
        {
            delay += first / 2;
            end += 3;
        }
        else if (u[end] == "and" && ReadAmount(u, end + 1, out TimeSpan more, out int after) && more < first)
        {
            delay += more;
            end = after;
        }

        return true;
    }

    private static bool ReadAmount(Utterance u, int start, out TimeSpan amount, out int end)
    {
        amount = TimeSpan.Zero;
        end = start;
        int count;
        int unitAt;
        if (u[start] is "a" or "an" or "one")
        {
            count = 1;
            unitAt = start + 1;
        }
        else if (NumberReader.TryRead(u, start, out NumberToken number) && number.Value > 0)
        {
            count = number.Value;
            unitAt = number.Span.End;
        }
        else
        {
            return false;
        }

        string unit = u[unitAt];
        TimeSpan each = IsHour(unit) ? TimeSpan.FromHours(1)
            : unit is "minute" or "minutes" or "min" or "mins" ? TimeSpan.FromMinutes(1)
            : unit is "second" or "seconds" or "sec" or "secs" ? TimeSpan.FromSeconds(1)
            : TimeSpan.Zero;
        if (each == TimeSpan.Zero)
        {
            return false;
        }

        amount = each * count;
        end = unitAt + 1;
        return true;
    }

    private static bool IsHour(string word) => word is "hour" or "hours" or "hr" or "hrs";

    [GeneratedRegex(@"\b(set|start|make|create|add|put)( me| up)? (a |an |the |my )?(timer|countdown)( to| for| that will| that)?\b|\b(timer|countdown) (to|for)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimerPreamble();

    [GeneratedRegex(@"\bsleep ?timer\b|\bsleep mode (for|in|after)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SleepTimer();

    [GeneratedRegex(@"\b(timer|timers|countdown|countdowns)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimerWord();

    [GeneratedRegex(@"\b(cancel|delete|remove|stop|clear|abort|forget|drop|scrap|undo|get rid of|turn off|call off|do not)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CancelVerb();

    [GeneratedRegex(@"\b(all|every|both|each)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AllWord();

    [GeneratedRegex(@"\b(what|which|list|show|see|view|any|have|pending|running|my|when|how many)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ListWords();

    [GeneratedRegex(@"\b(every|each|daily|nightly|weekdays|weekends|schedule|scheduled|automatically|always|routinely|routine|routines)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ScheduleWords();
}
