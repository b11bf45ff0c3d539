using System.Collections.Concurrent;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>What one customer's account adds to the vocabulary: their device names and their own rooms.</summary>
internal sealed class CustomerTerms
{
    // Device names recur on every message of a customer: keep their words (bounded, so no name can grow it forever).
    private static readonly ConcurrentDictionary<string, string[]> NameWords = new(StringComparer.Ordinal);
    private const int MaxCachedNames = 10_000;

    public CustomerTerms(Customer customer)
    {
        Customer = customer;
        var names = new List<(string[] Words, Device Device)>(customer.Devices.Count);
        var rooms = new List<string>();
        var words = new HashSet<string>(StringComparer.Ordinal);
        var compounds = new Dictionary<string, string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, Device?>(StringComparer.Ordinal);
        foreach (Device device in customer.Devices)
        {
            string[] name = WordsOf(device.Name);
            if (name.Length > 0)
            {
                names.Add((name, device));
                AddName(name, words, compounds);
                foreach (string word in name.Distinct(StringComparer.Ordinal))
                {
                    // A word of two devices' names points at neither.
                    owners[word] = owners.TryGetValue(word, out Device? owner) && owner?.Id != device.Id ? null : device;
                }
            }

            if (!string.IsNullOrEmpty(device.Location) && !Customers.Rooms.IsKnown(device.Location) && !rooms.Contains(device.Location))
            {
                rooms.Add(device.Location);
                AddName(device.Location.Split('_'), words, compounds);
            }
        }

        names.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        DeviceNames = names;
        Rooms = rooms;
        Words = words;
        Compounds = compounds;
        Distinctive = owners
            .Where(o => o.Value is not null && o.Key.Length >= 3 && !Lexicon.Known.Contains(o.Key) && !Customers.Rooms.IsKnown(o.Key))
            .ToDictionary(o => o.Key, o => o.Value!, StringComparer.Ordinal);
    }

    public Customer Customer { get; }

    /// <summary>Each device's name as words, longest first.</summary>
    public IReadOnlyList<(string[] Words, Device Device)> DeviceNames { get; }

    /// <summary>Rooms the customer's devices are in that are not among the known rooms.</summary>
    public IReadOnlyList<string> Rooms { get; }

    /// <summary>Words typos may also be corrected towards.</summary>
    public IReadOnlySet<string> Words { get; }

    /// <summary>Multi-word names typed as one word: "partybox" → "party box".</summary>
    public IReadOnlyDictionary<string, string> Compounds { get; }

    /// <summary>Name words that point at one device on their own, and are no everyday word: "the echo" is "Jane's Echo".</summary>
    public IReadOnlyDictionary<string, Device> Distinctive { get; }

    private static void AddName(string[] name, HashSet<string> words, Dictionary<string, string> compounds)
    {
        foreach (string word in name)
        {
            if (word.Length >= 3)
            {
                words.Add(word);
            }
        }

        if (name.Length > 1)
        {
            compounds.TryAdd(string.Concat(name), string.Join(' ', name));
        }
    }

    private static string[] WordsOf(string name)
    {
        if (NameWords.TryGetValue(name, out string[]? words))
        {
            return words;
        }

        if (NameWords.Count > MaxCachedNames)
        {
            NameWords.Clear();
        }

        words = TextNormalizer.Words(name);
        NameWords.TryAdd(name, words);
        return words;
    }
}
