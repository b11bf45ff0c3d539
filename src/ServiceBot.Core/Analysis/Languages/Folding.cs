using System.Text;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Words without their accents and umlauts ("está" → "esta", "Küche" → "kuche", "heiß" → "heiss"): customers type both,
/// so the word tables are looked up folded.
/// </summary>
internal static class Folding
{
    public static string Fold(string word)
    {
        if (word.All(c => c < 128))
        {
            return word;
        }

        var folded = new StringBuilder(word.Length + 1);
        foreach (char c in word)
        {
            switch (c)
            {
                case 'á' or 'à' or 'â' or 'ä': folded.Append('a'); break;
                case 'é' or 'è' or 'ê' or 'ë': folded.Append('e'); break;
                case 'í' or 'ì' or 'î' or 'ï': folded.Append('i'); break;
                case 'ó' or 'ò' or 'ô' or 'ö': folded.Append('o'); break;
                case 'ú' or 'ù' or 'û' or 'ü': folded.Append('u'); break;
                case 'ñ': folded.Append('n'); break;
                case 'ß': folded.Append("ss"); break;
                default: folded.Append(c); break;
            }
        }

        return folded.ToString();
    }

    /// <summary>The other way people type an umlaut when they have none: "Küche" → "kueche", "schön" → "schoen".</summary>
    public static string Transliterate(string word) =>
        word.Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
}
