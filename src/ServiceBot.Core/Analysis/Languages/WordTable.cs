using System.Collections.Frozen;

namespace ServiceBot.Core.Analysis;

/// <summary>One phrase of a <see cref="WordTable"/>: the words as said (folded), and the English the readers understand.</summary>
internal sealed record TableEntry(string[] Said, string[] English);

/// <summary>
/// A language's words for what the English readers already understand, as data: one line per phrase,
/// <c>said = english</c>, the longest phrase winning ("el volumen" before "el"). An empty right side drops the words;
/// <c>#</c> stands for a number and is carried over ("al # = to #"). Accents and umlauts are optional when typing, so
/// phrases are matched folded ("está" = "esta"); for German also with the umlaut written out ("Küche" = "Kueche").
/// </summary>
internal sealed class WordTable
{
    public const string Number = "#";

    private readonly FrozenDictionary<string, TableEntry[]> _byFirst;

    public WordTable(string lines, bool transliterate = false)
    {
        var entries = new Dictionary<string, TableEntry>(StringComparer.Ordinal);
        foreach (string line in lines.Split('\n'))
        {
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            string said = line[..equals].Trim().ToLowerInvariant();
            string[] english = line[(equals + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (string variant in transliterate ? [Folding.Fold(said), Folding.Transliterate(said)] : new[] { Folding.Fold(said) })
            {
                // The first line for a phrase wins, so a table reads top-down like a dictionary.
                entries.TryAdd(variant, new TableEntry(variant.Split(' ', StringSplitOptions.RemoveEmptyEntries), english));
            }
        }

        _byFirst = entries.Values
            .GroupBy(e => e.Said[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Said.Length).ToArray(), StringComparer.Ordinal);
        Words = entries.Values.SelectMany(e => e.Said).Where(w => w != Number).ToFrozenSet(StringComparer.Ordinal);
        TypoTargets = [.. Words.Where(w => w.Length >= 4).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every word of every phrase (folded): what says a message is in this language.</summary>
    public FrozenSet<string> Words { get; }

    /// <summary>Words a typo may be corrected to before the lookup.</summary>
    public string[] TypoTargets { get; }

    /// <summary>The longest phrase starting at <paramref name="start"/> of <paramref name="folded"/>, not crossing a break.</summary>
    public TableEntry? Match(IReadOnlyList<string> folded, IReadOnlyList<bool> breaks, int start)
    {
        if (!_byFirst.TryGetValue(folded[start], out TableEntry[]? candidates)
            && !(IsNumber(folded[start]) && _byFirst.TryGetValue(Number, out candidates)))
        {
            return null;
        }

        foreach (TableEntry entry in candidates)
        {
            if (Fits(entry, folded, breaks, start))
            {
                return entry;
            }
        }

        return null;
    }

    public static bool IsNumber(string word) => word.Length > 0 && word.All(char.IsDigit);

    private static bool Fits(TableEntry entry, IReadOnlyList<string> folded, IReadOnlyList<bool> breaks, int start)
    {
        if (start + entry.Said.Length > folded.Count)
        {
            return false;
        }

        for (int k = 0; k < entry.Said.Length; k++)
        {
            string word = folded[start + k];
            bool same = entry.Said[k] == Number ? IsNumber(word) : entry.Said[k] == word;
            if (!same || (k < entry.Said.Length - 1 && breaks[start + k]))
            {
                return false;
            }
        }

        return true;
    }
}
