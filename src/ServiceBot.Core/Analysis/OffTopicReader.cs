using System.Text.RegularExpressions;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Requests outside smart-home support ("what's the weather", "book me a flight", "write me a poem"), named so the
/// decline can say what was asked. Read only when the message is no device request and no small talk.
/// </summary>
internal static partial class OffTopicReader
{
    private static readonly (Regex Pattern, string Topic)[] Topics =
    [
        (Weather(), "the weather"),
        (Travel(), "bookings and travel"),
        (Writing(), "writing poems, stories or jokes"),
        (Shopping(), "shopping and food orders"),
        (Reminders(), "reminders, alarms, email and calendars"),
        (General(), "general questions"),
    ];

    /// <summary>What the request is about, or null when it is not one of the topics we decline.</summary>
    public static string? Read(Utterance u)
    {
        string t = u.Text;
        foreach ((Regex pattern, string topic) in Topics)
        {
            if (pattern.IsMatch(t))
            {
                return topic;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(weather|forecast|raining|rain|snowing|sunny|umbrella)\b|\btemperature (outside|today|tomorrow)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Weather();

    [GeneratedRegex(@"\b(flight|flights|hotel|hotels|taxi|cab|uber|airbnb|train ticket|plane)\b|\b(book|reserve)( me)? (a|an|the|my) (table|trip|ticket|tickets|room|car|holiday|vacation)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Travel();

    [GeneratedRegex(@"\b(poem|poems|poetry|haiku|limerick|story|stories|essay|lyrics|joke|jokes|riddle)\b|\b(write|compose) (me )?(a|an|some)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Writing();

    [GeneratedRegex(@"\b(pizza|groceries|takeaway|takeout|delivery|recipe|recipes)\b|\b(order|buy|purchase) (me )?(a|an|some|the)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Shopping();

    [GeneratedRegex(@"\b(remind me|reminder|reminders|calendar|appointment|email|e mail)\b|\bset (an|a|my) (alarm|timer)\b|\bwake me up\b", RegexOptions.CultureInvariant)]
    private static partial Regex Reminders();

    [GeneratedRegex(@"^what (time|day|date) is it\b|\bwhat is the (time|date)\b|\b(president|prime minister|capital of|stock|stocks|bitcoin|score|scores|football|soccer|homework|translate|calculate|meaning of life)\b|\bwho (won|is the|was the|invented)\b|\bhow (old|tall|far) is\b|\bsolve\b", RegexOptions.CultureInvariant)]
    private static partial Regex General();
}
