using System.Collections.Frozen;
using System.Globalization;

namespace ServiceBot.Core.Analysis;

/// <summary>A word of a message being normalized: what it reads as, the token it came from, and a break after it.</summary>
internal record struct NormalWord(string Word, int Raw, bool Break);

/// <summary>
/// Reads a Spanish or German message into the English the readers understand, word tables first (see
/// <see cref="WordTable"/>), so every reader works in every language without a copy per language. Before the tables:
/// number words become digits ("treinta y cinco" → 35, "fünfunddreißig" → 35), German particles move next to their
/// verb ("schalte den Lautsprecher aus" → "schalte aus den Lautsprecher"), and typos are corrected towards the table.
/// Each word keeps the token it came from, so names and music are still given back as typed.
/// </summary>
internal static class Translator
{
    /// <summary>A word on its way: folded for the lookup, as typed for when it stays, and whether it must stay.</summary>
    private record struct Token(string Folded, string Typed, int Raw, bool Break, bool Kept);

    private sealed record Rules(
        WordTable Table,
        FrozenDictionary<string, int> Numbers,
        Func<string, int?> CompoundNumber,
        string NumberJoiner,
        FrozenSet<string> SetVerbsWithNumber,
        FrozenSet<string> SeparableVerbs,
        FrozenSet<string> Particles,
        FrozenSet<string> MoveVerbsWithDirection,
        FrozenSet<string> Directions,
        FrozenSet<string> FinalVerbs,
        FrozenSet<string> Modals);

    private static readonly Rules Spanish = new(
        SpanishWords.Table,
        SpanishWords.Numbers.ToFrozenDictionary(n => Folding.Fold(n.Word), n => n.Value, StringComparer.Ordinal),
        static _ => null,
        "y",
        FrozenSet.Create(StringComparer.Ordinal, "pon", "ponga", "poner", "ponlo", "ponla", "ponme", "deja", "dejalo"),
        FrozenSet<string>.Empty,
        FrozenSet<string>.Empty,
        FrozenSet<string>.Empty,
        FrozenSet<string>.Empty,
        FrozenSet<string>.Empty,
        FrozenSet<string>.Empty);

    private static readonly Rules German = new(
        GermanWords.Table,
        GermanWords.Numbers.SelectMany(n => new[] { (Folding.Fold(n.Word), n.Value), (Folding.Transliterate(n.Word), n.Value) })
            .DistinctBy(n => n.Item1).ToFrozenDictionary(n => n.Item1, n => n.Item2, StringComparer.Ordinal),
        GermanCompound,
        "",
        FrozenSet<string>.Empty,
        Folded(GermanWords.SeparableVerbs),
        Folded(GermanWords.Particles),
        FrozenSet.Create(StringComparer.Ordinal, "stell", "stelle", "stellen", "setz", "setze", "pack", "packe"),
        FrozenSet.Create(StringComparer.Ordinal, "ins", "nach", "in die", "in den"),
        Folded(GermanWords.FinalVerbs),
        Folded(GermanWords.Modals));

    /// <summary>True when <paramref name="word"/> (lower case) is a word of <paramref name="language"/>'s table.</summary>
    public static bool Knows(Language language, string word) =>
        RulesFor(language) is { } rules && (rules.Table.Words.Contains(Folding.Fold(word)) || rules.Numbers.ContainsKey(Folding.Fold(word)));

    /// <summary>
    /// Translates the words of <paramref name="language"/>. For a secondary language of a mixed message only words
    /// English does not have are read, so an English sentence never changes.
    /// </summary>
    public static void Translate(List<NormalWord> words, Language language, IReadOnlySet<string>? ownWords, bool secondary = false)
    {
        if (RulesFor(language) is not { } rules || words.Count == 0)
        {
            return;
        }

        // A device's own name stays as it is; in a mixed message, so does every English word.
        var tokens = words.Select(w => new Token(Folding.Fold(w.Word), w.Word, w.Raw, w.Break,
            (ownWords?.Contains(w.Word) ?? false) || (secondary && Lexicon.Known.Contains(w.Word)))).ToList();
        ReadNumbers(tokens, rules);
        if (!secondary)
        {
            MoveParticles(tokens, rules);
            CorrectTypos(tokens, rules);
        }

        List<string> folded = tokens.Select(t => t.Folded).ToList();
        List<bool> breaks = tokens.Select(t => t.Break).ToList();
        words.Clear();
        for (int i = 0; i < tokens.Count;)
        {
            TableEntry? entry = rules.Table.Match(folded, breaks, i);
            // In a mixed message short words ("un", "die", "a") are too often English or a name to translate.
            if (entry is null || tokens.Skip(i).Take(entry.Said.Length).Any(t => t.Kept)
                || (secondary && entry.Said.Any(w => w.Length < 4)))
            {
                // Untranslated: as typed (accents kept), so a title or a name reads as the customer wrote it.
                words.Add(new NormalWord(tokens[i].Typed, tokens[i].Raw, tokens[i].Break));
                i++;
                continue;
            }

            string[] english = Substitute(entry, tokens, i, rules);
            int said = entry.Said.Length;
            bool lastBreak = tokens[i + said - 1].Break;
            int numbers = 0;
            for (int k = 0; k < english.Length; k++)
            {
                Token from = tokens[i + Math.Min(k, said - 1)];
                string word = english[k];
                if (word == WordTable.Number)
                {
                    from = tokens.Skip(i).Take(said).Where((_, j) => entry.Said[j] == WordTable.Number).Skip(numbers++).First();
                    word = from.Folded;
                }

                words.Add(new NormalWord(word, from.Raw, k == english.Length - 1 && lastBreak));
            }

            if (english.Length == 0 && lastBreak && words.Count > 0)
            {
                words[^1] = words[^1] with { Break = true };
            }

            i += said;
        }

        if (!secondary)
        {
            DropInnerPlease(words);
        }
    }

    /// <summary>
    /// "Schalten Sie bitte das Display ein" reads "turn on please the display": a "please" inside a clause is dropped,
    /// since the readers take it only at either end.
    /// </summary>
    private static void DropInnerPlease(List<NormalWord> words)
    {
        for (int i = words.Count - 2; i >= 1; i--)
        {
            if (words[i].Word == "please" && !words[i].Break && !words[i - 1].Break && words[i + 1].Word is not ("and" or "then"))
            {
                words.RemoveAt(i);
            }
        }
    }

    private static Rules? RulesFor(Language language) => language switch
    {
        Language.Spanish => Spanish,
        Language.German => German,
        _ => null,
    };

    /// <summary>"pon el altavoz a 30" sets a volume; "stell den Lautsprecher in die Küche" moves it.</summary>
    private static string[] Substitute(TableEntry entry, List<Token> folded, int i, Rules rules)
    {
        string first = entry.Said[0];
        if (entry.Said.Length == 1 && rules.SetVerbsWithNumber.Contains(first) && ClauseHasNumber(folded, i))
        {
            return first.EndsWith("lo", StringComparison.Ordinal) || first.EndsWith("la", StringComparison.Ordinal) ? ["set", "it"] : ["set"];
        }

        if (entry.Said.Length == 1 && rules.MoveVerbsWithDirection.Contains(first) && ClauseHasDirection(folded, i, rules))
        {
            return ["move"];
        }

        return entry.English;
    }

    /// <summary>
    /// A level in the clause ("pon el altavoz a 30"); a delay or a clock time is not one ("pon jazz en 15 minutos",
    /// "a las 7"), so "pon" stays "play" there.
    /// </summary>
    private static bool ClauseHasNumber(List<Token> folded, int start)
    {
        for (int i = start; i < folded.Count; i++)
        {
            if (WordTable.IsNumber(folded[i].Folded)
                && !(i + 1 < folded.Count && TimeUnits.Contains(folded[i + 1].Folded))
                && !(i > 0 && folded[i - 1].Folded is "las" or "la"))
            {
                return true;
            }

            if (folded[i].Break || folded[i].Folded is "y" or "und")
            {
                return false;
            }
        }

        return false;
    }

    private static readonly FrozenSet<string> TimeUnits = FrozenSet.Create(StringComparer.Ordinal,
        "segundo", "segundos", "seg", "minuto", "minutos", "min", "mins", "hora", "horas", "h");

    private static bool ClauseHasDirection(List<Token> folded, int start, Rules rules)
    {
        for (int i = start + 1; i < folded.Count; i++)
        {
            if (rules.Directions.Contains(folded[i].Folded) || rules.Directions.Contains(folded[i].Folded + " " + (i + 1 < folded.Count ? folded[i + 1].Folded : "")))
            {
                return true;
            }

            if (folded[i].Break || folded[i].Folded is "und")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Number words become digits; "treinta y cinco" becomes one number.</summary>
    private static void ReadNumbers(List<Token> words, Rules rules)
    {
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i].Folded;
            int? value = rules.Numbers.TryGetValue(word, out int v) ? v : rules.CompoundNumber(word);
            if (value is null || words[i].Kept)
            {
                continue;
            }

            // "treinta y cinco": tens, the joiner, then a unit.
            if (rules.NumberJoiner.Length > 0 && value is >= 20 and < 100 && value % 10 == 0 && !words[i].Break
                && i + 2 < words.Count && words[i + 1].Folded == rules.NumberJoiner && !words[i + 1].Break
                && rules.Numbers.TryGetValue(words[i + 2].Folded, out int unit) && unit is > 0 and < 10)
            {
                value += unit;
                words[i] = words[i] with { Break = words[i + 2].Break };
                words.RemoveRange(i + 1, 2);
            }

            string digits = value.Value.ToString(CultureInfo.InvariantCulture);
            words[i] = words[i] with { Folded = digits, Typed = digits };
        }
    }

    /// <summary>"fünfunddreißig" (folded "funfunddreissig") is 35.</summary>
    private static int? GermanCompound(string word)
    {
        int and = word.IndexOf("und", StringComparison.Ordinal);
        if (and <= 0 || and + 3 >= word.Length)
        {
            return null;
        }

        string unit = word[..and];
        string tens = word[(and + 3)..];
        int? u = GermanWords.CompoundUnits.Where(c => Folding.Fold(c.Word) == unit || Folding.Transliterate(c.Word) == unit).Select(c => (int?)c.Value).FirstOrDefault();
        int? t = German.Numbers.TryGetValue(tens, out int value) && value is >= 20 and < 100 && value % 10 == 0 ? value : null;
        return u is null || t is null ? null : t + u;
    }

    /// <summary>
    /// "schalte den Lautsprecher im Wohnzimmer aus": the particle at the end of the clause joins its verb, so the table
    /// reads "schalte aus" (turn off) with the device after it.
    /// </summary>
    private static void MoveParticles(List<Token> words, Rules rules)
    {
        if (rules.Particles.Count == 0)
        {
            return;
        }

        int clauseStart = 0;
        for (int i = 0; i < words.Count; i++)
        {
            bool clauseEnds = words[i].Break || i == words.Count - 1 || words[i + 1].Folded is "und" or "dann";
            if (!clauseEnds)
            {
                continue;
            }

            // "schalte den Lautsprecher aus, bitte": the particle is the last word but the polite ones.
            int particle = i;
            while (particle > clauseStart && words[particle].Folded is "bitte" or "mal" or "jetzt" or "doch" or "sofort" or "gleich")
            {
                particle--;
            }

            if (rules.Particles.Contains(words[particle].Folded))
            {
                int verb = Enumerable.Range(clauseStart, particle - clauseStart).LastOrDefault(k => rules.SeparableVerbs.Contains(words[k].Folded), -1);
                // "schalten Sie ... ein": the particle follows the polite "Sie".
                if (verb >= 0 && words[verb + 1].Folded == "sie")
                {
                    verb++;
                }

                if (verb >= 0 && verb + 1 < particle)
                {
                    Token moved = words[particle] with { Break = false };
                    if (words[particle].Break)
                    {
                        words[particle - 1] = words[particle - 1] with { Break = true };
                    }

                    words.RemoveAt(particle);
                    words.Insert(verb + 1, moved);
                }
            }

            // "ich möchte Jazz in der Küche hören": the infinitive at the end joins its modal ("möchte hören").
            else if (rules.FinalVerbs.Contains(words[particle].Folded))
            {
                int modal = Enumerable.Range(clauseStart, particle - clauseStart).FirstOrDefault(k => rules.Modals.Contains(words[k].Folded), -1);
                if (modal >= 0 && words[modal + 1].Folded is "du" or "sie" or "ich" or "wir")
                {
                    modal++;
                }

                if (modal >= 0 && modal + 1 < particle)
                {
                    Token moved = words[particle] with { Break = false };
                    if (words[particle].Break)
                    {
                        words[particle - 1] = words[particle - 1] with { Break = true };
                    }

                    words.RemoveAt(particle);
                    words.Insert(modal + 1, moved);
                }
            }

            clauseStart = i + 1;
        }
    }

    /// <summary>A word the table nearly knows ("lautsprecer", "apgaa") is read as the table's word.</summary>
    private static void CorrectTypos(List<Token> words, Rules rules)
    {
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i].Folded;
            if (word.Length < 5 || words[i].Kept || rules.Table.Words.Contains(word) || Lexicon.Known.Contains(word)
                || word.Any(char.IsDigit) || word.Contains('_', StringComparison.Ordinal))
            {
                continue;
            }

            if (TypoMatcher.Closest(word, rules.Table.TypoTargets) is { } meant)
            {
                words[i] = words[i] with { Folded = meant };
            }
        }
    }

    private static FrozenSet<string> Folded(IEnumerable<string> words) =>
        words.SelectMany(w => new[] { Folding.Fold(w), Folding.Transliterate(w) }).ToFrozenSet(StringComparer.Ordinal);
}
