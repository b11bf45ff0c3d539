using ServiceBot.Core.Replies;

namespace ServiceBot.Core.Agent;

internal static class Phrases
{
    /// <summary>"a", "a and b", "a, b and c" (in English; <see cref="ListWords"/> for the other languages).</summary>
    public static string JoinAnd(IEnumerable<string> items) => ListWords.JoinAnd(items);
}
