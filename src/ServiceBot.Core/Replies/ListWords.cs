using ServiceBot.Core.Analysis;

namespace ServiceBot.Core.Replies;

/// <summary>"a, b and c" / "a, b y c" / "a, b und c", and the same with "or".</summary>
public static class ListWords
{
    public static string JoinAnd(IEnumerable<string> items, Language language = Language.English) =>
        Join(items, language.Say("and", "y", "und"));

    public static string JoinOr(IEnumerable<string> items, Language language = Language.English) =>
        Join(items, language.Say("or", "o", "oder"));

    private static string Join(IEnumerable<string> items, string last)
    {
        string[] list = items.ToArray();
        return list.Length switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list[..^1]) + $" {last} " + list[^1],
        };
    }
}
