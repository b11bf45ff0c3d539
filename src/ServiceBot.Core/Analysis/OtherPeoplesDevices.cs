using System.Collections.Frozen;
using System.Text.RegularExpressions;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Finds a device that belongs to someone else: "turn off Alice's speaker", "Bob Jones's display", "johns speaker" from
/// Jane. Read from the customer's own text, since the normalizer turns "'s" into "is". A possessive naming the customer
/// ("Jane's speaker" from Jane Smith) is theirs.
/// </summary>
internal static partial class OtherPeoplesDevices
{
    // "what's", "it's", "kitchen's": an "'s" that is a contraction, a thing or a room, not a person who owns a device.
    private static readonly FrozenSet<string> NotAnOwner = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "it", "that", "what", "there", "here", "he", "she", "who", "where", "how", "let", "when", "why", "one", "this",
        "everyone", "everybody", "somebody", "someone", "today", "tonight", "room", "house", "home", "family", "speaker",
        "display", "hub", "device", "tv", "bot", "volume", "music", "song", "jazz", "name");

    // Words ending in "s" before a device that are no one's name.
    private static readonly FrozenSet<string> NotABareOwner = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "various", "previous", "always", "yours", "ours", "theirs", "his", "hers", "whose", "plus",
        "thus", "bus", "guys", "kids", "options", "settings", "bluetooth", "series", "wireless", "famous", "serious", "nervous");

    // The owner (a first name before it too: "Jane Smith's"), "'s" or a bare "s" ("johns kitchen display"), up to two words that
    // say which of their devices (a room), then the device word.
    [GeneratedRegex(@"\b(?:(?<first>\p{L}+)\s+)?(?<owner>\p{L}+)(?:'s|(?<bare>s))\s+(?:(?!(?:the|a|my|your)\b)\p{L}+\s+){0,2}?(?:speaker|display|hub|device|tv)s?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\b(my|our)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HouseholdBefore();

    // Spanish and German say the owner after the device: "el altavoz de Alice", "den Lautsprecher von Bob Miller". A
    // name is capitalised where a room is not ("de la cocina"); German nouns are too, so only "von" counts, not "vom"/"im".
    // Read after translation too, where it is "the speaker of Alice".
    [GeneratedRegex(@"\b(?:altavoz|altavoces|bocina|pantalla|hub|dispositivo|lautsprecher|display|bildschirm|ger(?:ä|ae|a)t|box|speaker|device)\s+(?:de|von|of|from)\s+(?<owner>\p{Lu}\p{L}+)(?:\s+(?<last>\p{Lu}\p{L}+))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex OwnerAfter();

    /// <summary>The other person's device as written ("Alice's speaker"), or null when every possessive is the customer's.</summary>
    public static string? Find(string raw, Customer customer)
    {
        string text = raw.Replace('\u2019', '\'');
        foreach (Match match in Possessive().Matches(text))
        {
            Group owner = match.Groups["owner"];
            Group first = match.Groups["first"];
            bool bare = match.Groups["bare"].Success;
            // A full name starts with a capital that is no word we know: "Jane Smith's", but not "Mute Bob's".
            bool fullName = first.Success && char.IsUpper(first.Value[0]) && char.IsUpper(owner.Value[0]) && !Lexicon.Known.Contains(first.Value.ToLowerInvariant());
            int start = fullName ? first.Index : owner.Index;
            string phrase = text[start..(match.Index + match.Length)];
            string[] names = fullName ? [first.Value, owner.Value] : [owner.Value];
            // "my son's speaker", "our kids' display": someone of the household, on the customer's own account.
            bool household = HouseholdBefore().IsMatch(text.AsSpan(0, start));
            if (!household && !NotAnOwner.Contains(owner.Value) && !RoomNames.IsRoomWord(owner.Value) && !IsCustomer(names, customer)
                && !IsOwnDeviceName(phrase, customer) && (!bare || MayBeName(owner.Value)))
            {
                return phrase;
            }
        }

        foreach (Match match in OwnerAfter().Matches(text))
        {
            Group last = match.Groups["last"];
            string owner = match.Groups["owner"].Value;
            string[] names = last.Success && !Lexicon.Known.Contains(last.Value.ToLowerInvariant()) ? [owner, last.Value] : [owner];
            if (!Lexicon.Known.Contains(owner.ToLowerInvariant()) && !RoomNames.IsRoomWord(owner) && !IsCustomer(names, customer))
            {
                string phrase = text.Substring(match.Index, names.Length == 2 ? match.Length : match.Groups["owner"].Index + owner.Length - match.Index);
                if (!IsOwnDeviceName(phrase, customer))
                {
                    return phrase;
                }
            }
        }

        return null;
    }

    // "johns": a name only when neither it nor "john" is a word we know.
    private static bool MayBeName(string owner) =>
        owner.Length >= 3 && !NotABareOwner.Contains(owner + "s") && !Lexicon.Known.Contains(owner.ToLowerInvariant())
        && !Lexicon.Known.Contains(owner.ToLowerInvariant() + "s") && !Lexicon.Shorthands.ContainsKey(owner.ToLowerInvariant() + "s");

    // Every name said is the customer's: "Jane's" or "Jane Smith's" from Jane Smith, but not "Jane Doe's".
    private static bool IsCustomer(string[] names, Customer customer) =>
        names.All(n => customer.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(n, StringComparer.OrdinalIgnoreCase));

    // A device the customer named "Tom's Speaker" is theirs, whoever Tom is.
    private static bool IsOwnDeviceName(string phrase, Customer customer) =>
        customer.Devices.Any(d => d.Name.Contains(phrase, StringComparison.OrdinalIgnoreCase));
}
