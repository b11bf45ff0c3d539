using System.Text.RegularExpressions;

namespace ServiceBot.Core.Tests.HeldOut;

/// <summary>
/// Tells which of English, Spanish and German a reply is written in, by its common words. Words shared by two of the
/// languages ("in", "es", "me", "was", "no") are left out, so a device name or a tier name cannot tip the count.
/// </summary>
public static partial class ReplyLanguage
{
    private static readonly Dictionary<string, HashSet<string>> Words = new(StringComparer.Ordinal)
    {
        ["en"] = Set("the is are and to your you it of on i can that with for this now has have be what which or at my here please sorry turned set done there"),
        ["es"] = Set("el la los las de del que en y está esta están tu tus su para con un una por lo al se puedo puedes ha ahora altavoz pantalla volumen tiene tienes gracias hola ayudar apagado encendido ya muy"),
        ["de"] = Set("der die das den dem des ist und nicht ich du dein deine deinen ihr ein eine einen mit auf für zu im kann kannst wurde habe hat jetzt bitte lautsprecher lautstärke sie gerne ausgeschaltet eingeschaltet schon sehr"),
    };

    /// <summary><c>en</c>, <c>es</c> or <c>de</c>; null when no language has more of its words in the text than the others.</summary>
    public static string? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] tokens = NotLetters().Split(text.ToLowerInvariant());
        (string Language, int Hits)[] counts = Words
            .Select(w => (w.Key, tokens.Count(w.Value.Contains)))
            .OrderByDescending(c => c.Item2)
            .ToArray();
        return counts[0].Hits > 0 && counts[0].Hits > counts[1].Hits ? counts[0].Language : null;
    }

    [GeneratedRegex(@"[^\p{L}]+")]
    private static partial Regex NotLetters();

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
