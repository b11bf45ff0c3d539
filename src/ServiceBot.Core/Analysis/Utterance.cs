namespace ServiceBot.Core.Analysis;

/// <summary>A run of words [Start, End) in an <see cref="Utterance"/>.</summary>
internal readonly record struct WordSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int index) => index >= Start && index < End;

    public bool Overlaps(WordSpan other) => Start < other.End && other.Start < End;
}

/// <summary>
/// A message as words: normalized (lower case, contractions expanded, typos corrected) for reading, each tied to
/// the token the customer typed, so names and music can be given back exactly as written.
/// </summary>
internal sealed class Utterance
{
    private readonly string[] _words;
    private readonly int[] _rawIndex;
    private readonly bool[] _breakAfter;
    private readonly string[] _rawTokens;
    private readonly int[] _starts;

    public Utterance(string[] words, int[] rawIndex, bool[] breakAfter, string[] rawTokens)
    {
        _words = words;
        _rawIndex = rawIndex;
        _breakAfter = breakAfter;
        _rawTokens = rawTokens;
        _starts = new int[words.Length];
        int position = 0;
        for (int i = 0; i < words.Length; i++)
        {
            _starts[i] = position;
            position += words[i].Length + 1;
        }

        Text = string.Join(' ', words);
    }

    public int Count => _words.Length;

    /// <summary>The normalized words joined by single spaces: what the patterns read.</summary>
    public string Text { get; }

    public bool IsEmpty => _words.Length == 0;

    /// <summary>The word at <paramref name="index"/>, or "" outside the utterance (handy for looking ahead).</summary>
    public string this[int index] => index >= 0 && index < _words.Length ? _words[index] : "";

    /// <summary>True when the customer put punctuation (a comma, a full stop, a quote) right after this word.</summary>
    public bool BreakAfter(int index) => index >= 0 && index < _breakAfter.Length && _breakAfter[index];

    /// <summary>The word a character of <see cref="Text"/> belongs to.</summary>
    public int WordAt(int charIndex)
    {
        int found = Array.BinarySearch(_starts, charIndex);
        return found >= 0 ? found : Math.Max(0, ~found - 1);
    }

    /// <summary>The words a regex match over <see cref="Text"/> covers.</summary>
    public WordSpan SpanOf(int charIndex, int length) =>
        length == 0 ? new WordSpan(WordAt(charIndex), WordAt(charIndex)) : new WordSpan(WordAt(charIndex), WordAt(charIndex + length - 1) + 1);

    public string Words(WordSpan span) => string.Join(' ', _words[Math.Max(0, span.Start)..Math.Min(_words.Length, span.End)]);

    /// <summary>
    /// The customer's own text for a span: each typed token once, as typed, except tokens the normalizer corrected
    /// (a typo), which come back corrected.
    /// </summary>
    public string Raw(WordSpan span)
    {
        var parts = new List<string>();
        int i = Math.Max(0, span.Start);
        int end = Math.Min(_words.Length, span.End);
        while (i < end)
        {
            int raw = _rawIndex[i];
            int j = i;
            while (j < end && _rawIndex[j] == raw)
            {
                j++;
            }

            string typed = _rawTokens[raw];
            string normalized = string.Concat(_words[i..j]);
            string letters = Letters(typed);
            bool asTyped = letters == normalized || (letters == normalized + "s" && typed.Contains('\'', StringComparison.Ordinal));
            parts.Add(asTyped ? typed : string.Join(' ', _words[i..j]));
            i = j;
        }

        return string.Join(' ', parts);
    }

    /// <summary>True when the words from <paramref name="start"/> on are <paramref name="words"/>.</summary>
    public bool StartsWith(int start, IReadOnlyList<string> words)
    {
        for (int k = 0; k < words.Count; k++)
        {
            if (!string.Equals(this[start + k], words[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The words from <paramref name="start"/> to <paramref name="end"/> as their own utterance.</summary>
    public Utterance Slice(int start, int end)
    {
        start = Math.Clamp(start, 0, _words.Length);
        end = Math.Clamp(end, start, _words.Length);
        return Keep(Enumerable.Range(start, end - start));
    }

    /// <summary>This utterance without the words of <paramref name="spans"/> (a schedule, a routine's name, ...).</summary>
    public Utterance Without(IEnumerable<WordSpan> spans)
    {
        var removed = new bool[_words.Length];
        foreach (WordSpan span in spans)
        {
            for (int i = Math.Max(0, span.Start); i < Math.Min(_words.Length, span.End); i++)
            {
                removed[i] = true;
            }
        }

        return Keep(Enumerable.Range(0, _words.Length).Where(i => !removed[i]));
    }

    private Utterance Keep(IEnumerable<int> indexes)
    {
        var words = new List<string>();
        var raw = new List<int>();
        var breaks = new List<bool>();
        int previous = -1;
        foreach (int i in indexes)
        {
            // A word dropped between two kept ones leaves a break behind when it had one.
            if (previous >= 0 && breaks.Count > 0)
            {
                for (int k = previous + 1; k < i; k++)
                {
                    if (_breakAfter[k])
                    {
                        breaks[^1] = true;
                    }
                }
            }

            words.Add(_words[i]);
            raw.Add(_rawIndex[i]);
            breaks.Add(_breakAfter[i]);
            previous = i;
        }

        return new Utterance([.. words], [.. raw], [.. breaks], _rawTokens);
    }

    private static string Letters(string typed) =>
        string.Concat(typed.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
