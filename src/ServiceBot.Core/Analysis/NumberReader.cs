using System.Collections.Frozen;
using System.Globalization;

namespace ServiceBot.Core.Analysis;

/// <summary>A number found in an utterance: where it is and what it is worth.</summary>
internal readonly record struct NumberToken(WordSpan Span, int Value);

/// <summary>Reads numbers written as digits ("35") or words ("twenty", "twenty five", "a hundred and fifty").</summary>
internal static class NumberReader
{
    private static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Tens = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80,
        ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // "the bedroom one", "that one": "one" there is a pronoun, not a number.
    private static readonly FrozenSet<string> OneIsNumberAfter = FrozenSet.Create(
        StringComparer.Ordinal, "to", "at", "by", "volume", "level", "is", "up", "down", "of");

    /// <summary>Reads a number starting at word <paramref name="start"/>.</summary>
    public static bool TryRead(Utterance u, int start, out NumberToken number)
    {
        number = default;
        string word = u[start];
        if (word.Length is > 0 and <= 5 && (word.All(char.IsDigit) || (word[0] == '-' && word.Length > 1 && word[1..].All(char.IsDigit))))
        {
            number = new NumberToken(new WordSpan(start, start + 1), int.Parse(word, CultureInfo.InvariantCulture));
            return true;
        }

        int position = start;
        int total;
        if (word == "a" && u[start + 1] == "hundred")
        {
            total = 100;
            position = start + 2;
            total += Remainder(u, ref position);
        }
        else if (word == "hundred")
        {
            total = 100;
            position = start + 1;
            total += Remainder(u, ref position);
        }
        else
        {
            int below = BelowHundred(u, ref position);
            if (below < 0)
            {
                return false;
            }

            total = below;
            if (below is > 0 and < 10 && u[position] == "hundred")
            {
                total = below * 100;
                position++;
                total += Remainder(u, ref position);
            }
        }

        if (position == start + 1 && word == "one" && !OneIsNumberAfter.Contains(u[start - 1]) && u[start + 1] != "percent")
        {
            return false;
        }

        number = new NumberToken(new WordSpan(start, position), total);
        return true;
    }

    /// <summary>Every number in the utterance, left to right.</summary>
    public static List<NumberToken> FindAll(Utterance u)
    {
        var numbers = new List<NumberToken>();
        for (int i = 0; i < u.Count; i++)
        {
            if (TryRead(u, i, out NumberToken number))
            {
                numbers.Add(number);
                i = number.Span.End - 1;
            }
        }

        return numbers;
    }

    /// <summary>"and fifty" or "fifty" after "hundred".</summary>
    private static int Remainder(Utterance u, ref int position)
    {
        int at = u[position] == "and" ? position + 1 : position;
        int rest = BelowHundred(u, ref at);
        if (rest < 0)
        {
            return 0;
        }

        position = at;
        return rest;
    }

    private static int BelowHundred(Utterance u, ref int position)
    {
        if (Tens.TryGetValue(u[position], out int tens))
        {
            position++;
            if (Units.TryGetValue(u[position], out int unit) && unit is > 0 and < 10)
            {
                position++;
                return tens + unit;
            }

            return tens;
        }

        if (Units.TryGetValue(u[position], out int value))
        {
            position++;
            return value;
        }

        return -1;
    }
}
