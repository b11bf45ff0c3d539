using System.Collections.Frozen;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>Reads a room as people say it ("the living room", "lounge", "kitchen") into its snake_case name.</summary>
internal static class RoomNames
{
    // By first word, longest name first: "living room" before "living".
    private static readonly FrozenDictionary<string, (string[] Words, string Key)[]> Table = Build()
        .GroupBy(e => e.Words[0], StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static readonly FrozenSet<string> Determiners = FrozenSet.Create(
        StringComparer.Ordinal, "the", "my", "our", "your", "a", "an", "this", "that");

    // Words a room may also be used as: only a room after "the", "my", "in", ...
    private static readonly FrozenSet<string> Guarded = FrozenSet.Create(StringComparer.Ordinal, "study", "living", "hall");

    private static readonly FrozenSet<string> NotSpecific = FrozenSet.Create(
        StringComparer.Ordinal, "another", "other", "different", "new", "somewhere", "some", "a", "an");

    private static readonly FrozenSet<string> TargetEnd = FrozenSet.Create(
        StringComparer.Ordinal, "please", "now", "instead", "for", "and", "then", "thanks", "today", "too", "as", "so", "because");

    /// <summary>True when <paramref name="word"/> is (part of) a room name people use: "kitchen", "living", "office".</summary>
    public static bool IsRoomWord(string word) =>
        Table.Values.Any(entries => entries.Any(e => e.Words.Contains(word.ToLowerInvariant(), StringComparer.Ordinal)));

    /// <summary>Reads a room starting at word <paramref name="start"/>: the longest known name, then the customer's own rooms.</summary>
    public static bool TryRead(Utterance u, int start, IReadOnlyList<string> customerRooms, out string room, out int length)
    {
        room = "";
        length = 0;
        IEnumerable<(string[] Words, string Key)> entries = Table.TryGetValue(u[start], out var found) ? found : [];
        foreach ((string[] words, string key) in entries)
        {
            if (u.StartsWith(start, words) && (words.Length > 1 || !Guarded.Contains(words[0]) || IsIntroduced(u, start)))
            {
                room = key;
                length = words.Length;
                return true;
            }
        }

        foreach (string custom in customerRooms)
        {
            string[] words = custom.Split('_');
            if (u.StartsWith(start, words))
            {
                room = custom;
                length = words.Length;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The room a device is moved to, read from the words after "to"/"into": a known room, or else what they said,
    /// snake_cased ("the attic" → "attic"). Null for "another room" and the like.
    /// </summary>
    public static string? ReadTarget(Utterance u, int start, IReadOnlyList<string> customerRooms, out int end)
    {
        int i = start;
        while (Determiners.Contains(u[i]))
        {
            i++;
        }

        end = i;
        if (NotSpecific.Contains(u[i]) || i >= u.Count)
        {
            return null;
        }

        if (TryRead(u, i, customerRooms, out string room, out int length))
        {
            end = i + length;
            return room;
        }

        var words = new List<string>();
        while (i < u.Count && words.Count < 3 && !TargetEnd.Contains(u[i]))
        {
            words.Add(u[i]);
            bool brk = u.BreakAfter(i);
            i++;
            if (brk)
            {
                break;
            }
        }

        end = i;
        return words.Count == 0 ? null : string.Join('_', words);
    }

    private static bool IsIntroduced(Utterance u, int start) =>
        Determiners.Contains(u[start - 1]) || u[start - 1] is "in" or "into" or "to";

    private static (string[] Words, string Key)[] Build()
    {
        var entries = Rooms.Known.Select(r => (Words: r.Split('_'), Key: r)).ToList();
        (string Said, string Key)[] aliases =
        [
            ("lounge", "living_room"), ("sitting room", "living_room"), ("family room", "living_room"), ("living", "living_room"),
            ("dining", "dining_room"), ("conference", "conference_room"), ("meeting room", "conference_room"),
            ("master bedroom", "bedroom"), ("bed room", "bedroom"), ("hall", "hallway"), ("corridor", "hallway"),
            ("front desk", "reception"), ("kid room", "kids_room"), ("kids bedroom", "kids_room"), ("nursery", "kids_room"),
            ("guest bedroom", "guest_room"), ("spare room", "guest_room"), ("cellar", "basement"), ("bath room", "bathroom"),
            ("study room", "study"),
        ];
        entries.AddRange(aliases.Select(a => (Words: a.Said.Split(' '), a.Key)));
        return [.. entries.OrderByDescending(e => e.Words.Length)];
    }
}
