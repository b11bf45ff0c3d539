using System.Globalization;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Replies;

/// <summary>A routine's schedule, trigger and steps in a reply's language ("every weekday at 07:00", "cada día laborable a las 07:00").</summary>
public static class RoutineWords
{
    public static string Schedule(RoutineSchedule schedule, Language language)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (language == Language.English)
        {
            return schedule.Describe();
        }

        IReadOnlyList<DayOfWeek> days = schedule.Days;
        string when = days.Count switch
        {
            0 or 7 => language.Say("", "todos los días", "jeden Tag"),
            5 when !days.Contains(DayOfWeek.Saturday) && !days.Contains(DayOfWeek.Sunday) => language.Say("", "de lunes a viernes", "werktags"),
            2 when days.Contains(DayOfWeek.Saturday) && days.Contains(DayOfWeek.Sunday) => language.Say("", "los fines de semana", "am Wochenende"),
            _ => language.Say("", "los ", "jeden ") + ListWords.JoinAnd(days.Select(d => Day(d, language)), language),
        };
        return language.Say("", $"{when} a las {schedule.Time}", $"{when} um {schedule.Time} Uhr");
    }

    /// <summary>When a routine runs: its schedule, or the phrase that starts it.</summary>
    public static string Trigger(Routine routine, Language language)
    {
        ArgumentNullException.ThrowIfNull(routine);
        return routine.Schedule is { } schedule
            ? Schedule(schedule, language)
            : language.Say($"when you say \"{routine.Phrase}\"", $"cuando digas \"{routine.Phrase}\"", $"wenn du \"{routine.Phrase}\" sagst");
    }

    public static string Step(RoutineStep step, Customer customer, Language language)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(customer);
        if (language == Language.English)
        {
            return step.Describe(customer);
        }

        Device? device = customer.FindDevice(step.DeviceId);
        string es = device is null ? step.DeviceId : DeviceWords.The(device, Language.Spanish);
        string de = device is null ? step.DeviceId : DeviceWords.The(device, Language.German, GermanCase.Accusative);
        string deOn = device is null ? step.DeviceId : DeviceWords.The(device, Language.German, GermanCase.Dative);
        bool on = (step.Power ?? PowerState.On) == PowerState.On;
        string volume = step.Volume?.ToString(CultureInfo.InvariantCulture) ?? "";
        return step.Tool switch
        {
            "set_power" => language.Say("", $"{(on ? "encender" : "apagar")} {es}", $"{de} {(on ? "einschalten" : "ausschalten")}"),
            "set_volume" => language.Say("", $"poner {es} a volumen {volume}", $"{de} auf Lautstärke {volume} stellen"),
            "play_music" => language.Say("", $"poner {step.Music ?? "música"} en {es}", $"{step.Music ?? "Musik"} auf {deOn} abspielen"),
            "pause_music" => language.Say("", $"pausar {es}", $"{de} pausieren"),
            _ => $"{step.Tool}: {es}",
        };
    }

    private static string Day(DayOfWeek day, Language language) => (day, language) switch
    {
        (DayOfWeek.Monday, Language.Spanish) => "lunes",
        (DayOfWeek.Tuesday, Language.Spanish) => "martes",
        (DayOfWeek.Wednesday, Language.Spanish) => "miércoles",
        (DayOfWeek.Thursday, Language.Spanish) => "jueves",
        (DayOfWeek.Friday, Language.Spanish) => "viernes",
        (DayOfWeek.Saturday, Language.Spanish) => "sábados",
        (DayOfWeek.Sunday, Language.Spanish) => "domingos",
        (DayOfWeek.Monday, Language.German) => "Montag",
        (DayOfWeek.Tuesday, Language.German) => "Dienstag",
        (DayOfWeek.Wednesday, Language.German) => "Mittwoch",
        (DayOfWeek.Thursday, Language.German) => "Donnerstag",
        (DayOfWeek.Friday, Language.German) => "Freitag",
        (DayOfWeek.Saturday, Language.German) => "Samstag",
        (DayOfWeek.Sunday, Language.German) => "Sonntag",
        _ => day.ToString(),
    };
}
