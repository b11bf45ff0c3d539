using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Turns chat text into an <see cref="Utterance"/>: lower case, punctuation dropped (but remembered as breaks),
/// contractions expanded ("what's" → "what is"), "9am" split, one-word rooms split ("livingroom"), and typos
/// corrected towards the <see cref="Lexicon"/> and the customer's own device names. Words right after "play",
/// "called" or "say" are names the customer chose: up to the next break they are only corrected towards rooms,
/// device types and genres ("play Fly Me to the Moon" keeps its moon, "play jazz in the kitchn" gets its kitchen).
/// </summary>
internal static class TextNormalizer
{
    private static readonly FrozenSet<string> ProtectAfter = FrozenSet.Create(StringComparer.Ordinal, "play", "hear", "called", "named", "say");
    private static readonly FrozenSet<string> ProtectEnd = FrozenSet.Create(
        StringComparer.Ordinal, "and", "then", "when", "whenever", "that", "which", "every", "each", "please");

    private static readonly FrozenSet<string> IsContractions = FrozenSet.Create(
        StringComparer.Ordinal, "what", "it", "that", "there", "here", "who", "where", "how", "he", "she");

    private const int MaxCachedCorrections = 20_000;
    private static readonly ConcurrentDictionary<string, (string? Word, int Distance)> Corrections = new(StringComparer.Ordinal);
    private static readonly string[] GeneralCandidates = [.. Lexicon.Targets, .. Lexicon.Compounds.Keys];
    private static readonly string[] ProtectedCandidates = [.. Lexicon.ProtectedTargets, .. Lexicon.Compounds.Keys];

    public static Utterance Normalize(string text, CustomerTerms? customer = null, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('`', '\'');
        var rawTokens = new List<string>();
        var words = new List<string>();
        var rawIndex = new List<int>();
        var breaks = new List<bool>();

        foreach (string token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsQuote(token[0]) && breaks.Count > 0)
            {
                breaks[^1] = true;
            }

            int raw = rawTokens.Count;
            rawTokens.Add(token.Trim(TrimmedChars(token)));
            foreach (string piece in Pieces(token.ToLowerInvariant()))
            {
                // English shorthand must not touch another language's words: German "im" is "in the", not "i am".
                foreach (string word in language == Language.English || !Translator.Knows(language, piece) ? Expand(piece) : [piece])
                {
                    words.Add(word);
                    rawIndex.Add(raw);
                    breaks.Add(false);
                }
            }

            if (IsBreak(token[^1]) && words.Count > 0)
            {
                breaks[^1] = true;
            }
        }

        Translate(text, words, rawIndex, breaks, language, customer);

        JoinMeridiem(words, rawIndex, breaks);
        Correct(words, rawIndex, breaks, customer);
        return new Utterance([.. words], [.. rawIndex], [.. breaks], [.. rawTokens]);
    }

    /// <summary>
    /// Spanish and German into the English the readers know: the message's own language, then, for a mixed message,
    /// the words of another language that English does not have ("turn off el altavoz").
    /// </summary>
    private static void Translate(string text, List<string> words, List<int> rawIndex, List<bool> breaks, Language language, CustomerTerms? customer)
    {
        Language[] others = [.. new[] { Language.Spanish, Language.German }.Where(l => l != language && LanguageDetector.HasSignal(text, l))];
        if (language == Language.English && others.Length == 0)
        {
            return;
        }

        var list = new List<NormalWord>(words.Count);
        for (int i = 0; i < words.Count; i++)
        {
            list.Add(new NormalWord(words[i], rawIndex[i], breaks[i]));
        }

        Translator.Translate(list, language, customer?.Words);
        foreach (Language other in others)
        {
            Translator.Translate(list, other, customer?.Words, secondary: true);
        }

        words.Clear();
        rawIndex.Clear();
        breaks.Clear();
        foreach (NormalWord word in list)
        {
            words.Add(word.Word);
            rawIndex.Add(word.Raw);
            breaks.Add(word.Break);
        }
    }

    /// <summary>Normalizes a device name or a routine name the same way, without typo correction.</summary>
    public static string[] Words(string text)
    {
        var words = new List<string>();
        foreach (string token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string piece in Pieces(token.ToLowerInvariant()))
            {
                foreach (string word in Expand(piece))
                {
                    if (Lexicon.Compounds.TryGetValue(word, out string? compound))
                    {
                        words.AddRange(compound.Split(' '));
                    }
                    else
                    {
                        words.Add(word);
                    }
                }
            }
        }

        return [.. words];
    }

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\'';

    private static bool IsBreak(char c) => c is ',' or '.' or '!' or '?' or ';' or ':' or '"' or '\u201C' or '\u201D' or ')' or '\u2026';

    private static char[] TrimmedChars(string token) =>
        token.Where(c => !char.IsLetterOrDigit(c) && c != '_').Distinct().ToArray();

    /// <summary>Splits a lower-case token at punctuation, keeping "7:30", "dev_003" and contractions whole.</summary>
    private static List<string> Pieces(string token)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < token.Length; i++)
        {
            char c = token[i];
            char previous = i > 0 ? token[i - 1] : '\0';
            char next = i + 1 < token.Length ? token[i + 1] : '\0';
            if (char.IsLetterOrDigit(c) || c == '_' || (c == '-' && current.Length == 0 && char.IsDigit(next) && !char.IsLetterOrDigit(previous)))
            {
                current.Append(c);
            }
            else if (c == '\'' && current.Length > 0 && char.IsLetter(next))
            {
                current.Append(c);
            }
            else if ((c == ':' || c == '.') && char.IsDigit(previous) && char.IsDigit(next) && current.Length > 0
                     && i + 3 <= token.Length && (i + 3 == token.Length || !char.IsDigit(token[i + 3])))
            {
                current.Append(':');
            }
            else if (c == '&' && char.IsLetter(previous) && char.IsLetter(next))
            {
                // "r&b"
            }
            else
            {
                Flush(pieces, current);
                if (c == '%')
                {
                    pieces.Add("percent");
                }
                else if (c == '&' || c == '+')
                {
                    pieces.Add("and");
                }
            }
        }

        Flush(pieces, current);
        return pieces;
    }

    private static void Flush(List<string> pieces, StringBuilder current)
    {
        if (current.Length == 0)
        {
            return;
        }

        string piece = current.ToString();
        current.Clear();

        // "9am" → "9 am", "7:30pm" → "7:30 pm" (but "dev_003" stays whole).
        if ((char.IsDigit(piece[0]) || piece[0] == '-') && !piece.Contains('_', StringComparison.Ordinal))
        {
            int split = 0;
            while (split < piece.Length && (char.IsDigit(piece[split]) || piece[split] == ':' || (split == 0 && piece[0] == '-')))
            {
                split++;
            }

            if (split < piece.Length)
            {
                pieces.Add(piece[..split]);
                pieces.Add(piece[split..]);
                return;
            }
        }

        pieces.Add(piece);
    }

    /// <summary>Contractions and chat shorthand: "what's" → "what is", "can't" → "can not", "pls" → "please".</summary>
    private static IEnumerable<string> Expand(string piece)
    {
        if (piece.Contains('\'', StringComparison.Ordinal))
        {
            foreach (string word in Contraction(piece))
            {
                foreach (string expanded in Expand(word))
                {
                    yield return expanded;
                }
            }

            yield break;
        }

        if (Lexicon.Shorthands.TryGetValue(piece, out string? expansion))
        {
            foreach (string word in expansion.Split(' '))
            {
                yield return word;
            }

            yield break;
        }

        yield return piece;
    }

    private static string[] Contraction(string piece)
    {
        if (piece == "o'clock")
        {
            return ["oclock"];
        }

        if (piece.EndsWith("n't", StringComparison.Ordinal))
        {
            string verb = piece[..^3] switch
            {
                "ca" => "can",
                "wo" => "will",
                "sha" => "shall",
                var v => v,
            };
            return [verb, "not"];
        }

        int apostrophe = piece.LastIndexOf('\'');
        string stem = piece[..apostrophe].Replace("'", "", StringComparison.Ordinal);
        string tail = piece[(apostrophe + 1)..];
        return tail switch
        {
            "re" => [stem, "are"],
            "ve" => [stem, "have"],
            "ll" => [stem, "will"],
            "d" => [stem, "would"],
            "m" => [stem, "am"],
            "s" when stem == "let" => ["let", "us"],
            "s" when IsContractions.Contains(stem) => [stem, "is"],
            "s" => [stem],
            _ => [stem + tail],
        };
    }

    /// <summary>"7 a.m." arrives as "7 a m": join it back to "am".</summary>
    private static void JoinMeridiem(List<string> words, List<int> rawIndex, List<bool> breaks)
    {
        for (int i = words.Count - 2; i >= 1; i--)
        {
            if ((words[i] is "a" or "p") && words[i + 1] == "m" && char.IsDigit(words[i - 1][0]))
            {
                words[i] += "m";
                breaks[i] = breaks[i + 1];
                words.RemoveAt(i + 1);
                rawIndex.RemoveAt(i + 1);
                breaks.RemoveAt(i + 1);
            }
        }
    }

    private static void Correct(List<string> words, List<int> rawIndex, List<bool> breaks, CustomerTerms? customer)
    {
        bool protect = false;
        bool afterListen = false;
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i];
            bool known = Lexicon.Known.Contains(word) || (customer?.Words.Contains(word) ?? false)
                || char.IsDigit(word[0]) || word[0] == '-' || word.Contains('_', StringComparison.Ordinal);
            string? replacement = null;
            if (!known)
            {
                if (Lexicon.Compounds.TryGetValue(word, out string? compound) || (customer?.Compounds.TryGetValue(word, out compound) ?? false))
                {
                    replacement = compound;
                }
                else
                {
                    replacement = Closest(word, customer, protect);
                    if (replacement is not null
                        && (Lexicon.Compounds.TryGetValue(replacement, out string? split) || (customer?.Compounds.TryGetValue(replacement, out split) ?? false)))
                    {
                        replacement = split;
                    }
                }
            }

            if (replacement is not null)
            {
                string[] parts = replacement.Split(' ');
                words[i] = parts[0];
                for (int k = 1; k < parts.Length; k++)
                {
                    words.Insert(i + k, parts[k]);
                    rawIndex.Insert(i + k, rawIndex[i]);
                    breaks.Insert(i + k, breaks[i + k - 1]);
                    breaks[i + k - 1] = false;
                }

                word = words[i];
            }

            if (protect && (ProtectEnd.Contains(word) || breaks[i]))
            {
                protect = false;
            }
            else if (ProtectAfter.Contains(word) || (afterListen && word == "to"))
            {
                protect = !breaks[i];
            }

            afterListen = word == "listen";
        }
    }

    /// <summary>
    /// What a typo may be corrected to: any known word, or inside a title only rooms, devices and genres; the customer's
    /// own name words win a tie. Corrections against the fixed vocabulary are remembered (bounded).
    /// </summary>
    private static string? Closest(string word, CustomerTerms? customer, bool protect)
    {
        string key = protect ? "1" + word : "0" + word;
        if (!Corrections.TryGetValue(key, out (string? Word, int Distance) general))
        {
            general = TypoMatcher.ClosestWithDistance(word, protect ? ProtectedCandidates : GeneralCandidates);
            if (Corrections.Count > MaxCachedCorrections)
            {
                Corrections.Clear();
            }

            Corrections.TryAdd(key, general);
        }

        if (customer is null || (customer.Words.Count == 0 && customer.Compounds.Count == 0))
        {
            return general.Word;
        }

        (string? Word, int Distance) own = TypoMatcher.ClosestWithDistance(word, customer.Words.Concat(customer.Compounds.Keys));
        return own.Word is not null && own.Distance <= general.Distance ? own.Word : general.Word;
    }
}
