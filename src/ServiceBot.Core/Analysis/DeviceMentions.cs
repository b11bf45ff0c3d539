using System.Collections.Frozen;

namespace ServiceBot.Core.Analysis;

internal enum MentionKind
{
    /// <summary>"dev_003" (owned or not).</summary>
    Id,

    /// <summary>A device's own name: "Kitchen Display".</summary>
    Name,

    /// <summary>A room and/or a type: "the kitchen display", "my speaker", "the bedroom one", "speakers".</summary>
    Described,

    /// <summary>"everywhere", "every room", "all my speakers", "both".</summary>
    All,

    /// <summary>"it", "that one", "them".</summary>
    Pronoun,

    /// <summary>"the other one".</summary>
    Other,

    /// <summary>A kind of device the bot does not manage: "the lights", "the thermostat".</summary>
    Foreign,
}

internal enum DeviceKind
{
    Speaker,
    Display,
    Hub,
    Any,
}

/// <summary>One way the customer pointed at devices, and the words they used.</summary>
internal sealed record DeviceMention(MentionKind Kind, WordSpan Span, string Text)
{
    public string? DeviceId { get; init; }
    public string? Room { get; init; }
    public DeviceKind? Type { get; init; }
    public bool Plural { get; init; }

    /// <summary>"a speaker", "my device": stands aside when something more specific is named.</summary>
    public bool Weak { get; init; }
}

/// <summary>Finds the phrases of a message that point at devices.</summary>
internal static class DeviceMentions
{
    private static readonly FrozenDictionary<string, (DeviceKind Kind, bool Plural)> TypeWords =
        new Dictionary<string, (DeviceKind, bool)>(StringComparer.Ordinal)
        {
            ["speaker"] = (DeviceKind.Speaker, false), ["speakers"] = (DeviceKind.Speaker, true),
            ["display"] = (DeviceKind.Display, false), ["displays"] = (DeviceKind.Display, true),
            ["screen"] = (DeviceKind.Display, false), ["screens"] = (DeviceKind.Display, true),
            ["hub"] = (DeviceKind.Hub, false), ["hubs"] = (DeviceKind.Hub, true),
            ["device"] = (DeviceKind.Any, false), ["devices"] = (DeviceKind.Any, true),
            ["gadget"] = (DeviceKind.Any, false), ["gadgets"] = (DeviceKind.Any, true),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ForeignWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "light", "lights", "lamp", "lamps", "thermostat", "camera", "cameras", "lock", "locks", "doorbell", "fan", "fans",
        "heater", "plug", "plugs", "bulb", "bulbs", "blinds", "fridge", "oven", "vacuum");

    private static readonly FrozenSet<string> Determiners = FrozenSet.Create(
        StringComparer.Ordinal, "the", "my", "our", "your", "a", "an", "all", "these", "those", "this", "that");

    private static readonly FrozenSet<string> QuantifierSkips = FrozenSet.Create(
        StringComparer.Ordinal, "of", "the", "my", "our", "your", "these", "those");

    // "turn them all off", "both please": "all"/"both" alone mean every device when these follow.
    private static readonly FrozenSet<string> AllAloneBefore = FrozenSet.Create(
        StringComparer.Ordinal, "", "off", "on", "up", "down", "at", "now", "please", "together", "in", "to", "and", "of", "louder",
        "quieter", "at once");

    private static readonly FrozenSet<string> Homes = FrozenSet.Create(
        StringComparer.Ordinal, "house", "home", "place", "flat", "apartment", "office", "building");

    /// <summary>Every device phrase of the utterance, left to right.</summary>
    public static List<DeviceMention> Read(Utterance u, CustomerTerms terms)
    {
        var mentions = new List<DeviceMention>();
        for (int i = 0; i < u.Count;)
        {
            if (TryRead(u, i, terms) is { } mention)
            {
                mentions.Add(mention);
                i = Math.Max(mention.Span.End, i + 1);
            }
            else
            {
                i++;
            }
        }

        return mentions;
    }

    /// <summary>True when a device phrase starts at <paramref name="start"/>, after "the"/"my"/....</summary>
    public static bool StartsAt(Utterance u, int start, CustomerTerms terms)
    {
        int i = start;
        while (Determiners.Contains(u[i]) && u[i] != "all")
        {
            i++;
        }

        return i < u.Count && TryRead(u, i, terms) is { Kind: not MentionKind.Pronoun };
    }

    private static DeviceMention? TryRead(Utterance u, int i, CustomerTerms terms)
    {
        string word = u[i];
        if (word.StartsWith("dev_", StringComparison.Ordinal) && word.Length > 4)
        {
            return new DeviceMention(MentionKind.Id, new WordSpan(i, i + 1), word) { DeviceId = word };
        }

        foreach ((string[] words, var device) in terms.DeviceNames)
        {
            if (u.StartsWith(i, words) && !TypeWords.ContainsKey(u[i + words.Length]))
            {
                return new DeviceMention(MentionKind.Name, new WordSpan(i, i + words.Length), device.Name) { DeviceId = device.Id };
            }
        }

        // "the echo", "the echo speaker"
        if (terms.Distinctive.TryGetValue(word, out var named))
        {
            int end = TypeWords.ContainsKey(u[i + 1]) ? i + 2 : i + 1;
            return new DeviceMention(MentionKind.Name, new WordSpan(i, end), named.Name) { DeviceId = named.Id };
        }

        return Quantifier(u, i, terms) ?? Pronoun(u, i) ?? Described(u, i, terms);
    }

    private static DeviceMention? Quantifier(Utterance u, int i, CustomerTerms terms)
    {
        string word = u[i];
        if (word is "everywhere" or "everything")
        {
            return All(i, i + 1, word, null);
        }

        if ((word is "whole" or "entire") && Homes.Contains(u[i + 1]))
        {
            return All(i, i + 2, word, null);
        }

        if (word == "throughout" || (word == "all" && u[i + 1] == "over"))
        {
            int j = word == "all" ? i + 2 : i + 1;
            j = Skip(u, j);
            if (Homes.Contains(u[j]))
            {
                return All(i, j + 1, "everywhere", null);
            }
        }

        if (word is not ("all" or "every" or "each" or "both"))
        {
            return null;
        }

        int k = Skip(u, i + 1);
        if (ReadType(u, k, out DeviceKind type, out _, out int typeEnd))
        {
            // "all the devices in the kitchen"
            int r = Skip(u, typeEnd + 1);
            if (u[typeEnd] is "in" or "from" or "at" && RoomNames.TryRead(u, r, terms.Rooms, out string where, out int whereLength))
            {
                string text = $"{u.Words(new WordSpan(r, r + whereLength))} {u[typeEnd - 1]}";
                return new DeviceMention(MentionKind.Described, new WordSpan(i, r + whereLength), text) { Room = where, Type = type, Plural = true };
            }

            return All(i, typeEnd, u.Words(new WordSpan(k, typeEnd)), type);
        }

        if (u[k] is "room" or "rooms")
        {
            return All(i, k + 1, "every room", null);
        }

        if (RoomNames.TryRead(u, k, terms.Rooms, out string room, out int roomLength)
            && ReadType(u, k + roomLength, out DeviceKind roomType, out _, out int end))
        {
            string text = u.Words(new WordSpan(k, end));
            return new DeviceMention(MentionKind.Described, new WordSpan(i, end), text) { Room = room, Type = roomType, Plural = true };
        }

        if (u[k] == "them" || (word is "all" or "both" && AllAloneBefore.Contains(u[i + 1])))
        {
            return All(i, u[k] == "them" ? k + 1 : i + 1, word, null);
        }

        return null;
    }

    private static DeviceMention? Pronoun(Utterance u, int i)
    {
        string word = u[i];
        if (word is "it" or "them")
        {
            return new DeviceMention(MentionKind.Pronoun, new WordSpan(i, i + 1), word);
        }

        if ((word is "that" or "this" or "same") && u[i + 1] == "one")
        {
            return new DeviceMention(MentionKind.Pronoun, new WordSpan(i, i + 2), word + " one");
        }

        if (word == "other" && (u[i + 1] == "one" || TypeWords.ContainsKey(u[i + 1])))
        {
            return new DeviceMention(MentionKind.Other, new WordSpan(i, i + 2), "other " + u[i + 1]);
        }

        return null;
    }

    private static DeviceMention? Described(Utterance u, int i, CustomerTerms terms)
    {
        if (RoomNames.TryRead(u, i, terms.Rooms, out string room, out int length))
        {
            int j = i + length;
            string roomText = u.Words(new WordSpan(i, j));
            if (ReadType(u, j, out DeviceKind type, out bool plural, out int end))
            {
                return new DeviceMention(MentionKind.Described, new WordSpan(i, end), $"{roomText} {u[end - 1]}")
                {
                    Room = room, Type = type, Plural = plural,
                };
            }

            if (ForeignWords.Contains(u[j]))
            {
                return new DeviceMention(MentionKind.Foreign, new WordSpan(i, j + 1), $"{roomText} {u[j]}");
            }

            bool ones = u[j] == "ones";
            int stop = u[j] is "one" or "ones" ? j + 1 : j;
            return new DeviceMention(MentionKind.Described, new WordSpan(i, stop), roomText) { Room = room, Plural = ones };
        }

        if (ReadType(u, i, out DeviceKind kind, out bool many, out int typeEnd))
        {
            // "the speaker in the kitchen"
            int k = typeEnd;
            if (u[k] is "in" or "from" or "of" or "at" or "on")
            {
                int r = Skip(u, k + 1);
                if (RoomNames.TryRead(u, r, terms.Rooms, out string where, out int whereLength))
                {
                    string text = $"{u.Words(new WordSpan(r, r + whereLength))} {u[typeEnd - 1]}";
                    return new DeviceMention(MentionKind.Described, new WordSpan(i, r + whereLength), text)
                    {
                        Room = where, Type = kind, Plural = many,
                    };
                }
            }

            bool weak = kind == DeviceKind.Any || u[i - 1] is "a" or "an" or "any";
            return new DeviceMention(MentionKind.Described, new WordSpan(i, typeEnd), u[typeEnd - 1]) { Type = kind, Plural = many, Weak = weak };
        }

        if (ForeignWords.Contains(u[i]) && Determiners.Contains(u[i - 1]))
        {
            return new DeviceMention(MentionKind.Foreign, new WordSpan(i, i + 1), u[i]);
        }

        return null;
    }

    private static bool ReadType(Utterance u, int start, out DeviceKind kind, out bool plural, out int end)
    {
        int i = u[start] == "smart" ? start + 1 : start;
        if (TypeWords.TryGetValue(u[i], out var type))
        {
            kind = type.Kind;
            plural = type.Plural;
            // "the display speakers", "the display screen": a part of the display, not another device.
            end = kind == DeviceKind.Display && u[i + 1] is "speaker" or "speakers" or "screen" ? i + 2 : i + 1;
            return true;
        }

        kind = default;
        plural = false;
        end = start;
        return false;
    }

    private static DeviceMention All(int start, int end, string text, DeviceKind? type) =>
        new(MentionKind.All, new WordSpan(start, end), text) { Type = type, Plural = true };

    private static int Skip(Utterance u, int start)
    {
        int i = start;
        while (QuantifierSkips.Contains(u[i]))
        {
            i++;
        }

        return i;
    }
}
