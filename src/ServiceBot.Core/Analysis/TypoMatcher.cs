namespace ServiceBot.Core.Analysis;

/// <summary>
/// Finds the known word a typo was meant to be, by edit distance (insertions, deletions, substitutions and swapped
/// neighbours each count one). Short words tolerate less: three letters only a swap ("teh"), up to seven letters one
/// edit ("speeker", "kitchn"), longer words two ("wendsday").
/// </summary>
internal static class TypoMatcher
{
    public static int Tolerance(int length) => length switch
    {
        < 3 => 0,
        <= 7 => 1,
        _ => 2,
    };

    /// <summary>The closest candidate within tolerance; on a tie, one with the same first letter, then the earliest.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates) => ClosestWithDistance(word, candidates).Word;

    /// <summary>The closest candidate and its distance (int.MaxValue when none is within tolerance).</summary>
    public static (string? Word, int Distance) ClosestWithDistance(string word, IEnumerable<string> candidates)
    {
        int tolerance = Tolerance(word.Length);
        if (tolerance == 0)
        {
            return (null, int.MaxValue);
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        bool bestSameFirst = false;
        foreach (string candidate in candidates)
        {
            if (Math.Abs(candidate.Length - word.Length) > tolerance || candidate.Length < 3)
            {
                continue;
            }

            int distance = Distance(word, candidate, tolerance);
            if (distance > tolerance || (word.Length == 3 && !IsSwap(word, candidate)))
            {
                continue;
            }

            bool sameFirst = candidate[0] == word[0];
            if (distance < bestDistance || (distance == bestDistance && sameFirst && !bestSameFirst))
            {
                best = candidate;
                bestDistance = distance;
                bestSameFirst = sameFirst;
            }
        }

        return (best, bestDistance);
    }

    /// <summary>Optimal-string-alignment distance, or <paramref name="max"/> + 1 as soon as it must exceed max.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        int width = b.Length + 1;
        Span<int> rows = width <= 64 ? stackalloc int[width * 3] : new int[width * 3];
        Span<int> before = rows[..width];
        Span<int> previous = rows.Slice(width, width);
        Span<int> current = rows.Slice(width * 2, width);
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            Span<int> recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    private static bool IsSwap(string word, string candidate)
    {
        if (word.Length != candidate.Length)
        {
            return false;
        }

        int first = -1;
        for (int i = 0; i < word.Length; i++)
        {
            if (word[i] != candidate[i])
            {
                first = i;
                break;
            }
        }

        return first >= 0 && first + 1 < word.Length
            && word[first] == candidate[first + 1] && word[first + 1] == candidate[first]
            && string.Equals(word[(first + 2)..], candidate[(first + 2)..], StringComparison.Ordinal);
    }
}
