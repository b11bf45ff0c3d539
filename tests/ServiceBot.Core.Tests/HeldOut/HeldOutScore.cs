using System.Globalization;
using System.Text;

namespace ServiceBot.Core.Tests.HeldOut;

/// <summary>One scored case: right only when it has no misses.</summary>
public sealed record ScoredChat(SupportChat Chat, IReadOnlyList<string> Misses, string Reply = "")
{
    public bool Right => Misses.Count == 0;
}

/// <summary>The score of a run, overall and per category, as a markdown table with the misses under it.</summary>
public sealed class HeldOutScore(IReadOnlyList<ScoredChat> scored)
{
    public int Right => scored.Count(s => s.Right);

    public int Total => scored.Count;

    /// <summary>Whole percent, rounded down, so a floor set from it is never above what was measured.</summary>
    public int Percent => Total == 0 ? 0 : Right * 100 / Total;

    public bool Holds(int floorPercent) => Percent >= floorPercent;

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## Held-out support chats: {Right}/{Total} right ({Percent}%)\n\n");
        text.Append("| category | right | total | score |\n|---|---:|---:|---:|\n");
        foreach (IGrouping<string, ScoredChat> category in scored.GroupBy(s => s.Chat.Category, StringComparer.Ordinal))
        {
            int right = category.Count(s => s.Right);
            int total = category.Count();
            text.Append(CultureInfo.InvariantCulture, $"| {category.Key} | {right} | {total} | {right * 100 / total}% |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"| **overall** | **{Right}** | **{Total}** | **{Percent}%** |\n\n");
        text.Append("### Misses\n\n");
        foreach (ScoredChat miss in scored.Where(s => !s.Right))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {miss.Chat.Id} ({miss.Chat.Customer}) \"{miss.Chat.Text}\": {string.Join("; ", miss.Misses)}. Reply: \"{Shortened(miss.Reply)}\"\n");
        }

        return text.ToString();
    }

    private static string Shortened(string reply)
    {
        string line = reply.ReplaceLineEndings(" ");
        return line.Length <= 140 ? line : string.Concat(line.AsSpan(0, 140), "...");
    }
}
