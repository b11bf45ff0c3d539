using System.Globalization;
using ServiceBot.Core.Analysis;

namespace ServiceBot.Core.Replies;

/// <summary>Spans of time in words, in the customer's language: "30 minutes", "1 hora y 5 minutos", "10 Sekunden".</summary>
public static class DurationWords
{
    /// <summary>The span rounded to seconds under a minute, else to whole minutes, said in hours and minutes.</summary>
    public static string Of(TimeSpan span, Language language)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return Count(Math.Max(1, (int)Math.Round(span.TotalSeconds)), Unit.Second, language);
        }

        int minutes = (int)Math.Round(span.TotalMinutes);
        int hours = minutes / 60;
        minutes %= 60;
        return hours == 0 ? Count(minutes, Unit.Minute, language)
            : minutes == 0 ? Count(hours, Unit.Hour, language)
            : Count(hours, Unit.Hour, language) + language.Say(" ", " y ", " und ") + Count(minutes, Unit.Minute, language);
    }

    /// <summary>"1 minute", "5 minutos", "2 Minuten".</summary>
    public static string Minutes(int minutes, Language language) => Count(minutes, Unit.Minute, language);

    private enum Unit
    {
        Second,
        Minute,
        Hour,
    }

    private static string Count(int n, Unit unit, Language language)
    {
        (string one, string many) = (unit, language) switch
        {
            (Unit.Second, Language.Spanish) => ("segundo", "segundos"),
            (Unit.Minute, Language.Spanish) => ("minuto", "minutos"),
            (Unit.Hour, Language.Spanish) => ("hora", "horas"),
            (Unit.Second, Language.German) => ("Sekunde", "Sekunden"),
            (Unit.Minute, Language.German) => ("Minute", "Minuten"),
            (Unit.Hour, Language.German) => ("Stunde", "Stunden"),
            (Unit.Second, _) => ("second", "seconds"),
            (Unit.Minute, _) => ("minute", "minutes"),
            _ => ("hour", "hours"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");
    }
}
