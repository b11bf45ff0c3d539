using System.Collections.Frozen;

namespace ServiceBot.Core.Analysis;

/// <summary>What to play, as the customer wrote it, and the words it took; or "the same as before".</summary>
internal sealed record MusicReading(WordSpan Span, string? Music, bool FromContext);

/// <summary>
/// Reads the song, artist or genre after "play" / "put on" / "listen to": up to a device phrase ("on the kitchen
/// display", "everywhere") or a break, without the filler ("some classical music" → "classical"). Titles and artists
/// keep the customer's spelling and casing; genres come back in lower case.
/// </summary>
internal static class MusicReader
{
    private static readonly FrozenSet<string> Stops = FrozenSet.Create(
        StringComparer.Ordinal, "please", "now", "everywhere", "again", "too", "also", "then", "loudly", "quietly", "softly",
        "louder", "quieter", "thanks", "throughout", "when", "whenever", "if");

    private static readonly FrozenSet<string> Prepositions = FrozenSet.Create(
        StringComparer.Ordinal, "on", "in", "through", "at", "to", "from", "across", "for", "with", "via", "over", "into");

    private static readonly FrozenSet<string> ActionVerbs = FrozenSet.Create(
        StringComparer.Ordinal, "turn", "switch", "set", "make", "put", "play", "pause", "stop", "mute", "unmute", "skip",
        "start", "shut", "lower", "raise", "increase", "decrease", "move", "resume");

    private static readonly string[][] LeadingFiller =
    [
        ["a", "little", "bit", "of"], ["a", "bit", "of"], ["a", "little"], ["bit", "of"], ["some"], ["me"], ["us"],
        ["any"], ["my"], ["our"], ["more"], ["a"], ["an"], ["something"], ["anything"], ["stuff"], ["songs"], ["music"],
        ["tracks"], ["song"], ["track"], ["album"], ["tunes"],
    ];

    private static readonly FrozenSet<string> ByWords = FrozenSet.Create(StringComparer.Ordinal, "by", "from");

    private static readonly FrozenSet<string> TrailingFiller = FrozenSet.Create(
        StringComparer.Ordinal, "music", "songs", "tunes", "tracks", "stuff", "please", "on", "now", "for", "me", "us");

    private static readonly FrozenSet<string> Nothing = FrozenSet.Create(
        StringComparer.Ordinal, "", "music", "something", "anything", "songs", "song", "tunes", "tracks", "track", "audio", "sound",
        "stuff", "the music", "a song", "some music", "the radio music", "something nice", "something good", "whatever");

    private static readonly FrozenSet<string> Same = FrozenSet.Create(
        StringComparer.Ordinal, "it", "that", "this", "it again", "that again", "this again", "the same", "same", "same thing",
        "the same thing", "same music", "the same music", "same song", "the same song", "same playlist", "the same playlist",
        "same track", "the same track", "what was playing", "what i was playing", "what i was listening to");

    /// <summary>Reads the music from word <paramref name="start"/> on.</summary>
    public static MusicReading Read(Utterance u, int start, CustomerTerms terms)
    {
        int end = start;
        while (end < u.Count)
        {
            string word = u[end];
            if (Stops.Contains(word)
                || (Prepositions.Contains(word) && EndsMusic(u, end + 1, terms))
                || (word == "and" && ActionVerbs.Contains(u[end + 1]))
                || (end > start && DeviceMentions.StartsAt(u, end, terms) && u[end - 1] is "the" or "my"))
            {
                break;
            }

            end++;
            if (u.BreakAfter(end - 1))
            {
                break;
            }
        }

        // Words before a device phrase that began with "the"/"my" belong to it.
        if (end < u.Count && end > start && u[end - 1] is "the" or "my" && DeviceMentions.StartsAt(u, end, terms))
        {
            end--;
        }

        return Clean(u, new WordSpan(start, end));
    }

    /// <summary>The music of an already delimited span ("put <b>some jazz</b> on").</summary>
    public static MusicReading Clean(Utterance u, WordSpan span)
    {
        int s = span.Start;
        int e = span.End;
        string said = u.Words(new WordSpan(s, e));
        if (Same.Contains(said))
        {
            return new MusicReading(span, null, FromContext: true);
        }

        bool stripped = true;
        while (stripped && s < e)
        {
            stripped = false;
            foreach (string[] filler in LeadingFiller)
            {
                if (s + filler.Length < e && u.StartsWith(s, filler) && (filler[0] != "my" || IsCollection(u, s + 1, e)))
                {
                    s += filler.Length;
                    if (ByWords.Contains(u[s]) && s + 1 < e)
                    {
                        s++;
                    }

                    stripped = true;
                    break;
                }
            }

            if (!stripped && u[s] == "the" && s + 1 < e && (Lexicon.MusicWords.Contains(u[s + 1]) || u[s + 1] is "song" or "track" or "album"))
            {
                s++;
                stripped = true;
            }
        }

        while (e > s && TrailingFiller.Contains(u[e - 1]) && e - 1 > s)
        {
            e--;
        }

        string rest = u.Words(new WordSpan(s, e));
        if (Same.Contains(rest))
        {
            return new MusicReading(span, null, FromContext: true);
        }

        if (Nothing.Contains(rest) || s >= e)
        {
            return new MusicReading(span, null, FromContext: false);
        }

        bool genre = true;
        for (int i = s; i < e; i++)
        {
            genre &= Lexicon.MusicWords.Contains(u[i]);
        }

        string music = genre ? rest : u.Raw(new WordSpan(s, e));
        return new MusicReading(span, music, FromContext: false);
    }

    private static bool EndsMusic(Utterance u, int next, CustomerTerms terms) =>
        DeviceMentions.StartsAt(u, next, terms)
        || u[next] is "me" or "us" or "repeat" or "shuffle" or "all" or "every" or "both" or "volume"
        || (u[next] is "the" or "my" && u[next + 1] is "house" or "home" or "background")
        || NumberReader.TryRead(u, next, out _);

    // "my workout playlist", "my favourites": but "My Chemical Romance" keeps its "My".
    private static bool IsCollection(Utterance u, int s, int e)
    {
        for (int i = s; i < e; i++)
        {
            if (Lexicon.MusicWords.Contains(u[i]) || u[i] is "favorites" or "favourites" or "favorite" or "favourite" or "album" or "songs")
            {
                return true;
            }
        }

        return false;
    }
}
