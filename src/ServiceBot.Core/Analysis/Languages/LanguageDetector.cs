using System.Collections.Frozen;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Which language a message is in, by its words: each word that belongs to one language only counts for it (a word of
/// two languages, a number, a device id or a genre counts for none), and accents count a little. The most signals win;
/// on a tie the conversation's language stays, then English. A message with no signal at all ("30", "dev_002", "ok")
/// keeps the conversation's language: a language never flips on a message that says nothing about it.
/// </summary>
public static class LanguageDetector
{
    // Words typed in every language: brand-ish words, genres, "ok".
    private static readonly FrozenSet<string> Neutral = FrozenSet.Create(
        StringComparer.Ordinal, "ok", "okay", "hub", "display", "displays", "wifi", "internet", "radio", "jazz", "rock", "pop", "hip",
        "hop", "rap", "blues", "reggae", "metal", "funk", "disco", "techno", "salsa", "lofi", "indie", "punk", "soul", "status", "online",
        "offline", "super", "hotel", "taxi", "pizza", "playlist", "box", "speaker", "song", "songs", "sorry", "hey", "hi", "routine",
        "garage", "bluetooth", "smart", "dev", "no", "a", "o", "e", "in", "stop", "pause", "thermostat");

    private static readonly (Language Language, FrozenSet<string> Words)[] Signals = BuildSignals();

    /// <summary>The language of <paramref name="text"/>; <paramref name="previous"/> is the conversation's so far.</summary>
    public static Language Detect(string text, Language? previous = null) => Detect(text, null, previous);

    internal static Language Detect(string text, IReadOnlySet<string>? ownWords, Language? previous)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<int> scores = stackalloc int[3];
        foreach (char c in text)
        {
            switch (c)
            {
                case '¿' or '¡' or 'ñ' or 'Ñ': scores[(int)Language.Spanish] += 2; break;
                case 'á' or 'é' or 'í' or 'ó' or 'ú' or 'Á' or 'É' or 'Í' or 'Ó' or 'Ú': scores[(int)Language.Spanish]++; break;
                case 'ä' or 'ö' or 'ü' or 'ß' or 'Ä' or 'Ö' or 'Ü': scores[(int)Language.German] += 2; break;
            }
        }

        foreach (string word in WordsOf(text))
        {
            if (Neutral.Contains(word) || (ownWords?.Contains(word) ?? false) || word.Any(char.IsDigit) || word.Contains('_', StringComparison.Ordinal))
            {
                continue;
            }

            foreach ((Language language, FrozenSet<string> words) in Signals)
            {
                if (words.Contains(word))
                {
                    scores[(int)language]++;
                }
            }
        }

        int best = Math.Max(scores[0], Math.Max(scores[1], scores[2]));
        if (best == 0)
        {
            return previous ?? Language.English;
        }

        if (previous is { } kept && scores[(int)kept] == best)
        {
            return kept;
        }

        return scores[(int)Language.English] == best ? Language.English
            : scores[(int)Language.Spanish] == best ? Language.Spanish
            : Language.German;
    }

    /// <summary>True when <paramref name="text"/> has a word only <paramref name="language"/> has: a mixed message reads that language too.</summary>
    internal static bool HasSignal(string text, Language language) =>
        WordsOf(text).Any(w => !Neutral.Contains(w) && Signals[(int)language].Words.Contains(w));

    private static IEnumerable<string> WordsOf(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool letter = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '\'');
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return Folding.Fold(text[start..i].ToLowerInvariant().Trim('\''));
                start = -1;
            }
        }
    }

    private static (Language, FrozenSet<string>)[] BuildSignals()
    {
        FrozenSet<string> spanish = SpanishWords.Table.Words;
        FrozenSet<string> german = GermanWords.Table.Words;
        FrozenSet<string> english = Lexicon.Known;
        FrozenSet<string> Only(IEnumerable<string> words, params FrozenSet<string>[] others) =>
            words.Where(w => !others.Any(o => o.Contains(w))).ToFrozenSet(StringComparer.Ordinal);

        IEnumerable<string> spanishNumbers = SpanishWords.Numbers.Select(n => Folding.Fold(n.Word));
        IEnumerable<string> germanNumbers = GermanWords.Numbers.Select(n => Folding.Fold(n.Word));
        return
        [
            (Language.English, Only(english, spanish, german)),
            (Language.Spanish, Only(spanish.Concat(spanishNumbers), english, german)),
            (Language.German, Only(german.Concat(germanNumbers), english, spanish)),
        ];
    }
}
