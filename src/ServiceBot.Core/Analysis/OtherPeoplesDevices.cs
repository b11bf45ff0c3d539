using System.Collections.Frozen;
using System.Text.RegularExpressions;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Finds a device that belongs to someone else: "turn off Alice's speaker" from Jane. Read from the customer's own text,
/// since the normalizer turns "'s" into "is". A possessive naming the customer ("Jane's speaker" from Jane Smith) is theirs.
/// </summary>
internal static partial class OtherPeoplesDevices
{
    // "what's", "it's", "kitchen's": an "'s" that is a contraction, a thing or a room, not a person who owns a device.
    private static readonly FrozenSet<string> NotAnOwner = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "it", "that", "what", "there", "here", "he", "she", "who", "where", "how", "let", "when", "why", "one", "this",
        "everyone", "everybody", "somebody", "someone", "today", "tonight", "room", "house", "home", "family", "speaker",
        "display", "hub", "device", "tv", "bot", "volume", "music", "song", "jazz", "name");

    // The owner, up to two words that say which of their devices (a room), then the device word.
    [GeneratedRegex(@"\b(?<owner>\p{L}+)'s\s+(?:(?!(?:the|a|my|your)\b)\p{L}+\s+){0,2}?(?:speaker|display|hub|device|tv)s?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\b(my|our)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HouseholdBefore();

    /// <summary>The other person's device as written ("Alice's speaker"), or null when every possessive is the customer's.</summary>
    public static string? Find(string raw, Customer customer)
    {
        string text = raw.Replace('\u2019', '\'');
        foreach (Match match in Possessive().Matches(text))
        {
            string owner = match.Groups["owner"].Value;
            // "my son's speaker", "our kids' display": someone of the household, on the customer's own account.
            bool household = HouseholdBefore().IsMatch(text.AsSpan(0, match.Index));
            if (!household && !NotAnOwner.Contains(owner) && !RoomNames.IsRoomWord(owner) && !IsCustomer(owner, customer) && !IsOwnDeviceName(match.Value, customer))
            {
                return match.Value;
            }
        }

        return null;
    }

    private static bool IsCustomer(string owner, Customer customer) =>
        customer.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(owner, StringComparer.OrdinalIgnoreCase);

    // A device the customer named "Tom's Speaker" is theirs, whoever Tom is.
    private static bool IsOwnDeviceName(string phrase, Customer customer) =>
        customer.Devices.Any(d => d.Name.Contains(phrase, StringComparison.OrdinalIgnoreCase));
}
