using System.Collections.Frozen;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Splits "turn on the speaker and set it to 20, then play jazz" where a new action starts: at "and"/"then" or a
/// break followed by an action verb. "turn off the kitchen and bedroom speakers" stays whole.
/// </summary>
internal static class ClauseSplitter
{
    private static readonly FrozenSet<string> ActionVerbs = FrozenSet.Create(
        StringComparer.Ordinal, "turn", "switch", "set", "play", "pause", "stop", "mute", "unmute", "shut", "put", "start",
        "make", "lower", "raise", "increase", "decrease", "resume", "power", "kill", "wake", "skip", "move");

    private static readonly FrozenSet<string> Connectors = FrozenSet.Create(
        StringComparer.Ordinal, "and", "then", "also", "plus", "after", "that", "please", "now", "can", "you", "could", "just");

    // "mute the kitchen and what is the bedroom speaker's volume?", "... and tell me its volume": a question after "and" is a
    // request of its own.
    private static readonly FrozenSet<string> QuestionWords = FrozenSet.Create(
        StringComparer.Ordinal, "what", "how", "is", "are", "which", "where", "tell", "check");

    public static bool StartsAction(string word) => ActionVerbs.Contains(word);

    public static List<Utterance> Split(Utterance u)
    {
        var clauses = new List<Utterance>();
        int start = 0;
        for (int i = 1; i < u.Count; i++)
        {
            if (!ActionVerbs.Contains(u[i]))
            {
                if (QuestionWords.Contains(u[i]) && u[i - 1] == "and" && i - 1 > start)
                {
                    clauses.Add(u.Slice(start, i - 1));
                    start = i;
                }

                continue;
            }

            int k = i;
            while (k > start && Connectors.Contains(u[k - 1]))
            {
                k--;
            }

            bool joined = k < i && u[k] is "and" or "then" or "also" or "plus" or "after";
            if (joined || u.BreakAfter(k - 1))
            {
                if (k > start)
                {
                    clauses.Add(u.Slice(start, k));
                }

                start = i;
            }
        }

        if (start < u.Count)
        {
            clauses.Add(u.Slice(start, u.Count));
        }

        return clauses;
    }
}
