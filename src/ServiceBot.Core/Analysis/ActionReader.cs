using System.Text.RegularExpressions;

namespace ServiceBot.Core.Analysis;

/// <summary>What a device request asks for, before its devices are resolved.</summary>
internal sealed record ActionReading(Intent Intent)
{
    public int? Volume { get; init; }
    public int? VolumeStep { get; init; }
    public string? TargetRoom { get; init; }

    /// <summary>The words naming the room a device moves to: not a device phrase.</summary>
    public WordSpan? TargetSpan { get; init; }

    /// <summary>What to play; its words are not device phrases either.</summary>
    public MusicReading? Music { get; init; }

    /// <summary>"multi-room", "sync", "together".</summary>
    public bool MultiRoom { get; init; }

    /// <summary>"too", "as well": add to the devices already in play.</summary>
    public bool Also { get; init; }

    /// <summary>Read from a complaint ("it's too loud") rather than a command.</summary>
    public bool Complaint { get; init; }

    /// <summary>For troubleshooting: what the customer noticed, one of <see cref="Permissions.Symptoms"/>.</summary>
    public string? Symptom { get; init; }
}

/// <summary>
/// Reads a device request (status, info, volume, power, relocation, music) from an utterance. Checks run from the
/// most specific to the most general: a complaint ("too loud") before a question ("is it on?"), a question before a
/// command, "turn off the music" before "turn off", "turn it up" before "turn it on".
/// </summary>
internal static partial class ActionReader
{
    public static ActionReading? Read(Utterance u, IReadOnlyList<DeviceMention> mentions, CustomerTerms terms)
    {
        string t = u.Text;

        // "don't turn it off", "turn it off in 10 minutes": nothing to do now (one-off timers are not offered).
        if (t.Length == 0 || Negated().IsMatch(t) || OneOffTime().IsMatch(t))
        {
            return null;
        }

        // "play Turn Down for What": a leading "play" wins over any command words in the title.
        if (LeadingPlay().IsMatch(t) && !Skip().IsMatch(t) && ReadPlay(u, mentions, terms) is { } leading)
        {
            return leading;
        }

        // "it's too loud, make it 20": the number says what they want.
        if ((TooLoud().IsMatch(t) || TooQuiet().IsMatch(t)) && ReadVolume(u) is { Intent: Intent.VolumeSet } exact)
        {
            return exact;
        }

        if (TooLoud().IsMatch(t))
        {
            return new ActionReading(Intent.VolumeDown) { Complaint = true };
        }

        if (TooQuiet().IsMatch(t))
        {
            return new ActionReading(Intent.VolumeUp) { Complaint = true };
        }

        if (IsStatusQuestion(t))
        {
            return new ActionReading(Intent.DeviceStatus);
        }

        if (IsInfoQuestion(t, mentions))
        {
            return new ActionReading(Intent.DeviceInfo);
        }

        if (Unmute().IsMatch(t))
        {
            return new ActionReading(Intent.Unmute);
        }

        if (Mute().IsMatch(t))
        {
            return new ActionReading(Intent.Mute);
        }

        if (ReadRelocation(u, mentions, terms) is { } move)
        {
            return move;
        }

        if (ReadVolume(u, mentions.Any(m => m.Kind is MentionKind.Id or MentionKind.Name or MentionKind.Described or MentionKind.All)) is { } volume)
        {
            return volume;
        }

        if (Skip().IsMatch(t))
        {
            return new ActionReading(Intent.SkipMusic);
        }

        if (Pause().IsMatch(t))
        {
            return new ActionReading(Intent.PauseMusic);
        }

        if (ReadPlay(u, mentions, terms) is { } play)
        {
            return play;
        }

        Match terse = Terse().Match(t);
        bool terseCommand = terse.Success && !QuestionStart().IsMatch(t) && (mentions.Count > 0 || u.Count <= 2);
        if (PowerOff().IsMatch(t) || (terseCommand && terse.Groups["state"].Value == "off"))
        {
            return new ActionReading(Intent.PowerOff);
        }

        if (terseCommand)
        {
            return new ActionReading(Intent.PowerOn);
        }

        if (PowerOn().IsMatch(t))
        {
            return new ActionReading(Intent.PowerOn);
        }

        if (MultiRoomWords().IsMatch(t) && mentions.Count > 0)
        {
            // "multi-room: jazz in the office and the kitchen": a genre named with it is what to play.
            int genre = Enumerable.Range(0, u.Count)
                .FirstOrDefault(i => Lexicon.MusicWords.Contains(u[i]) && !MultiRoomWords().IsMatch(u[i]) && !mentions.Any(m => m.Span.Contains(i)), -1);
            MusicReading? music = genre < 0 ? null : MusicReader.Read(u, genre, terms);
            return new ActionReading(Intent.MultiRoom) { MultiRoom = true, Music = music?.Music is null ? null : music };
        }

        return null;
    }

    private static bool IsStatusQuestion(string t) =>
        IsQuestionOfState().IsMatch(t) || IfState().IsMatch(t) || WhatIsPlaying().IsMatch(t) || VolumeQuestion().IsMatch(t)
        || StatusWords().IsMatch(t);

    private static bool IsInfoQuestion(string t, IReadOnlyList<DeviceMention> mentions) =>
        InfoQuestion().IsMatch(t)
        || (mentions.Any(m => m.Kind is not MentionKind.Pronoun) && (WhatCanDeviceDo().IsMatch(t) || CanDevice().IsMatch(t) || WhatIsDevice().IsMatch(t)));

    private static ActionReading? ReadRelocation(Utterance u, IReadOnlyList<DeviceMention> mentions, CustomerTerms terms)
    {
        Match verb = RelocateVerb().Match(u.Text);
        if (!verb.Success)
        {
            return StateRelocation(u, mentions, terms);
        }

        int verbIndex = u.WordAt(verb.Index);
        bool moveVerb = verb.Groups["move"].Success;
        int within = -1;
        for (int p = verbIndex + 1; p < u.Count; p++)
        {
            string word = u[p];
            bool preposition = word is "to" or "into" or "onto" or "in" || (word == "over" && u[p + 1] == "to");
            if (!preposition)
            {
                continue;
            }

            // "the speaker in the kitchen to the bedroom": "in the kitchen" belongs to the device phrase, unless
            // nothing else says where to ("put the speaker in the kitchen").
            if (mentions.FirstOrDefault(m => m.Span.Contains(p)) is { } around)
            {
                if (within < 0 && around.Type is not null && around.Room is not null && around.Span.Start > verbIndex)
                {
                    within = p;
                }

                continue;
            }

            // Something must be moved: a device phrase or "it" between the verb and the room.
            if (!mentions.Any(m => m.Span.Start > verbIndex && m.Span.End <= p))
            {
                return null;
            }

            return Target(u, p, terms);
        }

        if (within >= 0)
        {
            return Target(u, within, terms);
        }

        if (!moveVerb)
        {
            return null;
        }

        // "move speaker bedroom": a device, then a room, and nothing else.
        DeviceMention[] after = mentions.Where(m => m.Span.Start > verbIndex).ToArray();
        if (after.Length >= 2 && after[^1] is { Kind: MentionKind.Described, Type: null, Room: { } room } last && last.Span.End == u.Count)
        {
            return new ActionReading(Intent.Relocate) { TargetRoom = room, TargetSpan = last.Span };
        }

        // "I want to move my speaker": where to is still to be asked.
        return after.Length > 0 ? new ActionReading(Intent.Relocate) : null;
    }

    private static ActionReading? Target(Utterance u, int preposition, CustomerTerms terms)
    {
        int from = u[preposition] == "over" ? preposition + 2 : preposition + 1;
        if (u[from] is "sleep" or "bed" || NumberReader.TryRead(u, from, out _))
        {
            return null;
        }

        string? room = RoomNames.ReadTarget(u, from, terms.Rooms, out int end);
        return new ActionReading(Intent.Relocate) { TargetRoom = room, TargetSpan = new WordSpan(preposition, Math.Max(end, from)) };
    }

    /// <summary>"my speaker is in the bedroom now", "the display is now in the kitchen".</summary>
    private static ActionReading? StateRelocation(Utterance u, IReadOnlyList<DeviceMention> mentions, CustomerTerms terms)
    {
        Match state = NowIn().Match(u.Text);
        if (!state.Success)
        {
            return null;
        }

        int at = u.WordAt(state.Index);
        if (!mentions.Any(m => m.Span.End <= at))
        {
            return null;
        }

        int preposition = u.WordAt(state.Groups["in"].Index);
        string? room = RoomNames.ReadTarget(u, preposition + 1, terms.Rooms, out int end);
        return room is null ? null : new ActionReading(Intent.Relocate) { TargetRoom = room, TargetSpan = new WordSpan(preposition, end) };
    }

    private static ActionReading? ReadVolume(Utterance u, bool deviceNamed = false)
    {
        string t = u.Text;
        Match up = VolumeUpWords().Match(t);
        Match down = VolumeDownWords().Match(t);
        List<NumberToken> numbers = NumberReader.FindAll(u).Where(n => !IsTimeOrDuration(u, n)).ToList();
        NumberToken? to = numbers.Cast<NumberToken?>().FirstOrDefault(n => u[n!.Value.Span.Start - 1] is "to" or "at" or "volume" or "of");
        NumberToken? by = numbers.Cast<NumberToken?>().FirstOrDefault(n => u[n!.Value.Span.Start - 1] == "by");

        if (MinVolume().IsMatch(t))
        {
            return new ActionReading(Intent.VolumeSet) { Volume = 0 };
        }

        if (MaxVolume().IsMatch(t))
        {
            return new ActionReading(Intent.VolumeSet) { Volume = 100 };
        }

        if (HalfVolume().IsMatch(t))
        {
            return new ActionReading(Intent.VolumeSet) { Volume = 50 };
        }

        if (up.Success || down.Success)
        {
            if (to is { } target && by is null)
            {
                return new ActionReading(Intent.VolumeSet) { Volume = target.Value };
            }

            int? step = by?.Value;
            if (step is null && numbers.Count == 1 && IsStep(u, numbers[0]))
            {
                step = numbers[0].Value;
            }

            bool raise = up.Success && (!down.Success || up.Index < down.Index);
            return new ActionReading(raise ? Intent.VolumeUp : Intent.VolumeDown) { VolumeStep = step };
        }

        if (numbers.Count == 0)
        {
            return null;
        }

        if (VolumeWord().IsMatch(t) || numbers.Any(n => u[n.Span.End] == "percent"))
        {
            return new ActionReading(Intent.VolumeSet) { Volume = (to ?? numbers[^1]).Value };
        }

        // "make it 20", "set the bedroom speaker to 30", "turn it to 40": a setting verb, and the number is its target.
        NumberToken last = numbers[^1];
        if (SetVerb().IsMatch(t) && !PowerOff().IsMatch(t) && !PowerOn().IsMatch(t)
            && (to is not null || last.Span.End == u.Count || u[last.Span.End] is "please" or "now" or "instead" or "actually" or "then" or "thanks"))
        {
            return new ActionReading(Intent.VolumeSet) { Volume = (to ?? last).Value };
        }

        // "office speaker to 60 please", "the kitchen at 30": a device and the level it should be at, with no verb at all.
        if (deviceNamed && to is { } level && level.Span.Start == last.Span.Start && EndsAfter(u, level.Span.End)
            && !Enumerable.Range(0, u.Count).Any(i => ClauseSplitter.StartsAction(u[i])) && !PowerOff().IsMatch(t) && !PowerOn().IsMatch(t))
        {
            return new ActionReading(Intent.VolumeSet) { Volume = level.Value };
        }

        return null;
    }

    /// <summary>Nothing but courtesy after <paramref name="end"/>: "60", "60 percent please", "at 30 thanks".</summary>
    private static bool EndsAfter(Utterance u, int end)
    {
        while (end < u.Count && u[end] is "percent" or "please" or "now" or "thanks" or "thank" or "you")
        {
            end++;
        }

        return end == u.Count;
    }

    private static bool IsTimeOrDuration(Utterance u, NumberToken number) =>
        u[number.Span.End] is "minutes" or "minute" or "mins" or "min" or "hours" or "hour" or "seconds" or "secs" or "am" or "pm" or "oclock"
        || u[number.Span.Start - 1] is "in" or "for" or "after";

    private static bool IsStep(Utterance u, NumberToken number) =>
        u[number.Span.End] is "percent" or "points" or "point" or "notches" or "notch" or "steps" or "step" or "units" or "more"
        || u[number.Span.Start - 1] is "up" or "down" or "louder" or "quieter";

    private static ActionReading? ReadPlay(Utterance u, IReadOnlyList<DeviceMention> mentions, CustomerTerms terms)
    {
        string t = u.Text;
        bool multi = MultiRoomWords().IsMatch(t);
        bool also = Also().IsMatch(t);
        ActionReading Play(MusicReading? music) => new(Intent.PlayMusic) { Music = music, MultiRoom = multi, Also = also };

        // "turn on some jazz" (but not "turn on the speaker")
        Match on = TurnOn().Match(t);
        if (on.Success)
        {
            int next = u.WordAt(on.Index + on.Length - 1) + 1;
            if (next < u.Count && !DeviceMentions.StartsAt(u, next, terms) && u[next] is not ("it" or "them" or "everything" or "all")
                && !DeviceAhead(u, next, mentions))
            {
                return Play(MusicReader.Read(u, next, terms));
            }
        }

        if (MusicOn().IsMatch(t))
        {
            return Play(new MusicReading(default, null, FromContext: true));
        }

        // "put some jazz on"
        Match putOn = PutSomethingOn().Match(t);
        if (putOn.Success)
        {
            WordSpan span = u.SpanOf(putOn.Groups["music"].Index, putOn.Groups["music"].Length);
            if (!mentions.Any(m => m.Span.Start == span.Start || (m.Span.Start == span.Start + 1 && u[span.Start] is "the" or "my")))
            {
                return Play(MusicReader.Clean(u, span));
            }
        }

        Match verb = PlayVerb().Match(t);
        if (verb.Success)
        {
            int start = u.WordAt(verb.Index + verb.Length - 1) + 1;
            MusicReading music = MusicReader.Read(u, start, terms);
            if (verb.Groups["resume"].Success && music.Music is null)
            {
                music = music with { FromContext = true };
            }

            return Play(music);
        }

        Match same = SameMusic().Match(t);
        if (same.Success)
        {
            return Play(new MusicReading(u.SpanOf(same.Index, same.Length), null, FromContext: true));
        }

        if (StartMusic().IsMatch(t) || JustMusic().IsMatch(t))
        {
            return Play(null);
        }

        // "jazz please", "some classical music"
        WordSpan genre = GenreOnly(u);
        return genre.Length > 0 ? Play(MusicReader.Clean(u, genre)) : null;
    }

    /// <summary>"turn on the basic display", "turn on my old speaker": a device word close after "on", with no preposition before it.</summary>
    private static bool DeviceAhead(Utterance u, int next, IReadOnlyList<DeviceMention> mentions) =>
        mentions.Any(m => m.Type is not null && m.Span.End > next && m.Span.End <= next + 4
            && !Enumerable.Range(next, Math.Max(0, m.Span.Start - next)).Any(i => u[i] is "on" or "in" or "at" or "to" or "from" or "for" or "by"));

    private static WordSpan GenreOnly(Utterance u)
    {
        int s = u[0] == "some" ? 1 : 0;
        int e = u.Count;
        while (e > s && u[e - 1] is "please" or "music" or "now")
        {
            e--;
        }

        for (int i = s; i < e; i++)
        {
            if (!Lexicon.MusicWords.Contains(u[i]) || u[i] is "music" or "songs" or "tunes")
            {
                return default;
            }
        }

        return new WordSpan(s, e);
    }
}
