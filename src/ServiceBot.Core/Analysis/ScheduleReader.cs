using System.Collections.Frozen;
using System.Globalization;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>When a routine should run, as read from the message, and the words that said it.</summary>
internal sealed record ScheduleReading(bool Recurring, IReadOnlyList<DayOfWeek> Days, string? Time, IReadOnlyList<WordSpan> Spans)
{
    public static readonly ScheduleReading None = new(false, [], null, []);

    /// <summary>The schedule, once both the days and the time are known.</summary>
    public RoutineSchedule? Schedule => Recurring && Time is not null ? new RoutineSchedule(Days, Time) : null;
}

/// <summary>
/// Reads recurring schedules: "every weekday at 7", "every day at 7:30 pm", "on Saturdays at 9am",
/// "mondays and fridays at noon", "every night at 10" (22:00), "weekday mornings at half past six".
/// An hour without am/pm is taken as said (7 → 07:00, 19 → 19:00) unless the words around it say evening or night.
/// </summary>
internal static class ScheduleReader
{
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly DayOfWeek[] Weekend = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly FrozenDictionary<string, DayOfWeek> DayNames = BuildDayNames();

    private static readonly FrozenSet<string> DayAbbreviations = FrozenSet.Create(
        StringComparer.Ordinal, "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun");

    private enum DayPart
    {
        None,
        Morning,
        Afternoon,
        Evening,
        Night,
    }

    public static ScheduleReading Read(Utterance u)
    {
        var spans = new List<WordSpan>();
        var days = new SortedSet<DayOfWeek>(Comparer<DayOfWeek>.Create((a, b) => MondayFirst(a).CompareTo(MondayFirst(b))));
        bool recurring = false;
        bool everyDay = false;
        DayPart part = DayPart.None;

        for (int i = 0; i < u.Count; i++)
        {
            string word = u[i];
            int start = i;
            if (word is "every" or "each")
            {
                int j = u[i + 1] == "single" ? i + 2 : i + 1;
                if (u[j] is "day" or "morning" or "afternoon" or "evening" or "night" or "days" or "mornings" or "evenings" or "nights")
                {
                    everyDay = true;
                    part = Max(part, PartOf(u[j]));
                    spans.Add(new WordSpan(start, j + 1));
                    recurring = true;
                    i = j;
                    continue;
                }

                if (TryReadDays(u, j, days, ref part, allowSingular: true, out int end))
                {
                    spans.Add(new WordSpan(start, end));
                    recurring = true;
                    i = end - 1;
                }

                continue;
            }

            if (word is "daily" or "nightly")
            {
                everyDay = true;
                part = word == "nightly" ? DayPart.Night : part;
                spans.Add(new WordSpan(i, i + 1));
                recurring = true;
                continue;
            }

            bool introduced = word is "on" or "from";
            int first = introduced ? i + 1 : i;
            if (TryReadDays(u, first, days, ref part, allowSingular: introduced && IsSchedulingContext(u), out int stop))
            {
                spans.Add(new WordSpan(start, stop));
                recurring = true;
                i = stop - 1;
            }
        }

        if (everyDay)
        {
            days.Clear();
        }

        string? time = ReadTime(u, spans, ref part);
        if (!recurring && time is null)
        {
            return ScheduleReading.None;
        }

        return new ScheduleReading(recurring, [.. days], time, spans);
    }

    /// <summary>
    /// A list of days at <paramref name="start"/>: "weekdays", "mondays and fridays", "monday to friday",
    /// "weekday mornings". Singular day names ("monday") only after "every"/"each" (or "on" in a routine).
    /// </summary>
    private static bool TryReadDays(Utterance u, int start, SortedSet<DayOfWeek> days, ref DayPart part, bool allowSingular, out int end)
    {
        end = start;
        int i = start;
        bool any = false;
        while (true)
        {
            bool range = u[i + 1] is "to" or "through" or "till" or "until" or "thru" && DayNames.ContainsKey(u[i + 2]);
            if (TryReadDay(u, i, allowSingular || range, out DayOfWeek[] read))
            {
                // "monday to friday"
                if (read.Length == 1 && u[i + 1] is "to" or "through" or "till" or "until" or "thru"
                    && TryReadDay(u, i + 2, allowSingular: true, out DayOfWeek[] last) && last.Length == 1)
                {
                    for (int d = MondayFirst(read[0]); d <= MondayFirst(last[0]); d++)
                    {
                        days.Add((DayOfWeek)((d + 1) % 7));
                    }

                    i += 3;
                }
                else
                {
                    days.UnionWith(read);
                    i++;
                }

                any = true;
                end = i;
                if (u[i] is "morning" or "mornings" or "evening" or "evenings" or "night" or "nights" or "afternoon" or "afternoons")
                {
                    part = Max(part, PartOf(u[i]));
                    i++;
                    end = i;
                }

                if (u[i] is "and" or "or" or "plus" && TryReadDay(u, i + 1, true, out _))
                {
                    i++;
                    continue;
                }

                if (TryReadDay(u, i, true, out _) && u.BreakAfter(i - 1))
                {
                    continue;
                }

                return true;
            }

            return any;
        }
    }

    private static bool TryReadDay(Utterance u, int i, bool allowSingular, out DayOfWeek[] days)
    {
        string word = u[i];
        days = word switch
        {
            "weekdays" or "workdays" => Weekdays,
            "weekends" => Weekend,
            "weekday" or "workday" when allowSingular || IsPartWord(u[i + 1]) => Weekdays,
            "weekend" when allowSingular || IsPartWord(u[i + 1]) => Weekend,
            _ => [],
        };
        if (days.Length > 0)
        {
            return true;
        }

        if (DayNames.TryGetValue(word, out DayOfWeek day)
            && (word.EndsWith('s') || allowSingular || IsPartWord(u[i + 1]))
            && (!DayAbbreviations.Contains(word) || allowSingular))
        {
            days = [day];
            return true;
        }

        return false;
    }

    private static bool IsPartWord(string word) =>
        word is "mornings" or "evenings" or "nights" or "afternoons" or "morning" or "evening" or "night" or "afternoon";

    private static bool IsSchedulingContext(Utterance u) =>
        u.Text.Contains(" at ", StringComparison.Ordinal) || u.Text.Contains("routine", StringComparison.Ordinal);

    /// <summary>"at 7", "at 7:30 pm", "9am", "at noon", "at half past six", "at seven thirty in the evening".</summary>
    private static string? ReadTime(Utterance u, List<WordSpan> spans, ref DayPart part)
    {
        for (int i = 0; i < u.Count; i++)
        {
            bool at = u[i] is "at" or "around";
            int j = at ? i + 1 : i;
            if (u[j] == "about" || u[j] == "around")
            {
                j++;
            }

            if (!TryReadClock(u, j, at, out int hour, out int minute, out int end, out string? meridiem))
            {
                continue;
            }

            // "in the morning", "at night", "tonight", "in the evening"
            DayPart said = DayPart.None;
            if (u[end] == "in" && u[end + 1] == "the" && PartOf(u[end + 2]) is var p && p != DayPart.None)
            {
                said = p;
                end += 3;
            }
            else if (u[end] == "at" && u[end + 1] == "night")
            {
                said = DayPart.Night;
                end += 2;
            }
            else if (u[end] == "tonight")
            {
                said = DayPart.Night;
                end += 1;
            }
            else if (u[end] is "every" or "each" && PartOf(u[end + 1]) is var q && q != DayPart.None)
            {
                said = q;
            }

            part = Max(part, said);
            spans.Add(new WordSpan(i, end));
            return Format(hour, minute, meridiem, part);
        }

        return null;
    }

    private static bool TryReadClock(Utterance u, int i, bool introduced, out int hour, out int minute, out int end, out string? meridiem)
    {
        hour = 0;
        minute = 0;
        end = i;
        meridiem = null;
        string word = u[i];
        if (word is "noon" or "midday" or "midnight")
        {
            hour = word == "midnight" ? 0 : 12;
            meridiem = "24h";
            end = i + 1;
            return true;
        }

        // "half past six", "quarter past 7", "quarter to eight"
        if ((word is "half" or "quarter") && u[i + 1] is "past" or "to" && ReadHour(u, i + 2, out int h, out int after))
        {
            bool past = u[i + 1] == "past";
            int offset = word == "half" ? 30 : 15;
            hour = past ? h : (h + 23) % 24;
            minute = past ? offset : 60 - offset;
            end = after;
            meridiem = Meridiem(u, ref end);
            return true;
        }

        if (word.Contains(':', StringComparison.Ordinal))
        {
            string[] parts = word.Split(':');
            if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out hour)
                && int.TryParse(parts[1], CultureInfo.InvariantCulture, out minute) && hour <= 24 && minute < 60)
            {
                end = i + 1;
                meridiem = Meridiem(u, ref end);
                return true;
            }

            return false;
        }

        if (!ReadHour(u, i, out hour, out end))
        {
            return false;
        }

        // "seven thirty", "7 15"
        if (NumberReader.TryRead(u, end, out NumberToken minutes) && minutes.Value is >= 0 and < 60
            && minutes.Value >= 10)
        {
            minute = minutes.Value;
            end = minutes.Span.End;
        }

        if (u[end] is "oclock")
        {
            end++;
        }
        else if (u[end] == "o" && u[end + 1] == "clock")
        {
            end += 2;
        }

        meridiem = Meridiem(u, ref end);
        return introduced || meridiem is not null || u[end - 1] == "oclock" || u[end - 1] == "clock";
    }

    private static bool ReadHour(Utterance u, int i, out int hour, out int end)
    {
        hour = 0;
        end = i;
        if (!NumberReader.TryRead(u, i, out NumberToken number) || number.Value > 24 || number.Span.Length > 1)
        {
            return false;
        }

        hour = number.Value;
        end = number.Span.End;
        return true;
    }

    private static string? Meridiem(Utterance u, ref int end)
    {
        if (u[end] is "am" or "pm")
        {
            return u[end++];
        }

        return null;
    }

    private static string? Format(int hour, int minute, string? meridiem, DayPart part)
    {
        switch (meridiem)
        {
            case "pm" when hour < 12:
                hour += 12;
                break;
            case "am" when hour == 12:
                hour = 0;
                break;
            case null when part is DayPart.Afternoon or DayPart.Evening && hour < 12:
                hour += 12;
                break;
            case null when part is DayPart.Night && hour is >= 5 and < 12:
                hour += 12;
                break;
            case null when part is DayPart.Night && hour == 12:
                hour = 0;
                break;
        }

        if (hour == 24)
        {
            hour = 0;
        }

        return hour is < 0 or > 23 ? null : string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}");
    }

    private static DayPart PartOf(string word) => word switch
    {
        "morning" or "mornings" => DayPart.Morning,
        "afternoon" or "afternoons" => DayPart.Afternoon,
        "evening" or "evenings" => DayPart.Evening,
        "night" or "nights" or "tonight" => DayPart.Night,
        _ => DayPart.None,
    };

    private static DayPart Max(DayPart a, DayPart b) => a == DayPart.None ? b : a;

    private static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;

    private static FrozenDictionary<string, DayOfWeek> BuildDayNames()
    {
        var names = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        foreach (DayOfWeek day in Enum.GetValues<DayOfWeek>())
        {
            string name = day.ToString().ToLowerInvariant();
            names[name] = day;
            names[name + "s"] = day;
        }

        (string, DayOfWeek)[] abbreviations =
        [
            ("mon", DayOfWeek.Monday), ("tue", DayOfWeek.Tuesday), ("tues", DayOfWeek.Tuesday), ("wed", DayOfWeek.Wednesday),
            ("thu", DayOfWeek.Thursday), ("thur", DayOfWeek.Thursday), ("thurs", DayOfWeek.Thursday), ("fri", DayOfWeek.Friday),
            ("sat", DayOfWeek.Saturday), ("sun", DayOfWeek.Sunday),
        ];
        foreach ((string abbreviation, DayOfWeek day) in abbreviations)
        {
            names[abbreviation] = day;
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
