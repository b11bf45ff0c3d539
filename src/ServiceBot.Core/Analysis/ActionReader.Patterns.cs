using System.Text.RegularExpressions;

namespace ServiceBot.Core.Analysis;

/// <summary>The phrasings <see cref="ActionReader"/> recognizes, over normalized text (lower case, single spaces).</summary>
internal static partial class ActionReader
{
    [GeneratedRegex(@"^(do not|never|please do not|dont)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Negated();

    [GeneratedRegex(@"\b(tomorrow|tonight|later today|this evening|this afternoon|in an hour|in half an hour)\b|\bin (\w+ ){1,2}(minutes|minute|mins|min|hours|hour|seconds|secs)\b|\bat \d{1,2}(:\d{2})? (am|pm|oclock)\b|\bat \d{1,2}:\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex OneOffTime();

    /// <summary>"speaker off", "office speaker off please", "off".</summary>
    [GeneratedRegex(@"^((the|my) )?(\w+ ){0,4}(?<state>off|on)( please| now| thanks)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Terse();

    [GeneratedRegex(@"^(what|which|who|where|why|how|is|are|was|were|do|does|did|can|could)\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionStart();

    [GeneratedRegex(@"^(play|put on|throw on|listen to|blast|stream)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingPlay();

    [GeneratedRegex(@"\b(too|so|way|very|really|super|bit) (loud|noisy|high)\b|\bdeafening\b|\bhurts my ears\b|\bblasting\b|\bwake the (neighbors|neighbours|baby|kids)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TooLoud();

    [GeneratedRegex(@"\b(can not|could not|do not|unable to|hardly|barely|cannot|struggling to) (really |even )?(hear|make out)\b|\b(too|so|very|really|bit) (quiet|soft|low)\b|\bhard to hear\b|\bbarely audible\b|\bspeak up\b", RegexOptions.CultureInvariant)]
    private static partial Regex TooQuiet();

    [GeneratedRegex(@"^(is|are|was|were)\b(?!.*\b(turn|switch|set|play|move|put|mute|pause|skip|make|possible|able|allowed|ok|okay|way|there a)\b).*\b(on|off|online|offline|working|connected|playing|running|muted|awake|asleep|active|available|reachable|responding|powered|plugged|down|broken|up|alive)\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsQuestionOfState();

    [GeneratedRegex(@"\b(if|whether)\b.*\b(is|are) (still )?(on|off|online|offline|working|playing|connected|muted|running)\b|\b(check|see|know|tell me) (if|whether)\b", RegexOptions.CultureInvariant)]
    private static partial Regex IfState();

    [GeneratedRegex(@"\bwhat (is|are|was) (currently |now |still )?(playing|on right now)\b|\bwhat (song|track|music|artist|album|tune) (is|was) (this|that|playing|on)\b|\b(which|what) (song|track|artist) is\b|\bwhat am i (listening|hearing)\b|\bwhat is (it|my \w+( \w+){0,2}|the \w+( \w+){0,2}|dev_\w+) (playing|doing)\b|\b(anything|something|music) playing\b|\bwhat (song|track) (is )?(this|that)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhatIsPlaying();

    [GeneratedRegex(@"\b(what|how high|how loud) (is )?(the )?(current )?volume\b|\bwhat volume\b|\bhow loud (is|are)\b|\bvolume (level )?(is|at)( it| the \w+)?$|\bwhat is (it|the \w+( \w+){0,2}) set to\b|\btell me (the |my |its )?(\w+ ){0,3}volume\b|\b(what|how high|how loud) is (my |the |its )?(\w+ ){0,3}volume\b", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeQuestion();

    [GeneratedRegex(@"\bstatus\b|\bcheck (on )?(my|the|it|dev_\w+|all|every|everything)\b|\bhow (is|are) (my|the|it|dev_\w+|everything)\b|\bwhat is (my|the) (\w+ ){0,3}doing\b|\bstill (on|playing|working|running|online)\b|\b(online|offline) or (online|offline|not)\b|\b(ok|okay|alright|fine|working)( with| on)? (my|the|all my) (\w+ )?(devices|device|speaker|speakers|display|hub)\b|\b(is|are) (my|the|all my) (\w+ ){0,3}(ok|okay|alright|fine)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StatusWords();

    [GeneratedRegex(@"\b(what|which) (kind|type|sort|model|make|brand) (of|is)\b|\b(what|which) (firmware|software)\b|\b(firmware|software) version\b|\btell me (more )?about\b|\b(info|information|details|specs|specifications) (about|on|of|for)\b|\b(features|capabilities) (of|does|do)\b|\b(what|which) (devices|speakers|displays|hubs|gadgets) (do|are|have|did)\b|\bhow many (devices|speakers|displays|hubs|gadgets)\b|\b(list|show)( me)?( all)?( of)? (my|the) (devices|speakers|displays|hubs|gadgets)\b|\bwhere (is|are)\b|\b(which|what) room\b|\bwhat (device |devices |gadget |speaker |display |hub |thing |things )?(is|are|do i have) (there )?in (the|my)\b|\bwhat is (the )?name of\b|\bwhat is (it|that|this|my \w+( \w+)?|the \w+( \w+)?) called\b", RegexOptions.CultureInvariant)]
    private static partial Regex InfoQuestion();

    [GeneratedRegex(@"\bwhat (can|could|does|do) (?!you\b|i\b|we\b)(\w+ ){1,5}(do|show|play|support|handle|control)\b|\bhow (does|do) (my|the|this|that|dev_\w+)( \w+){0,3} work\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhatCanDeviceDo();

    [GeneratedRegex(@"^(can|could|does|do|is) (my|the|this|that|dev_\w+)\b.*\b(have|support|play|show|stream|display|do|handle|connect|control|able|capable)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CanDevice();

    [GeneratedRegex(@"^what is (a |an |the |my |this |that )?(\w+ ){0,3}(speaker|display|hub|screen|device|dev_\d+)$|\bwhat is (my|the) (\w+ ){0,3}(speaker|display|hub|screen|device) for\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhatIsDevice();

    [GeneratedRegex(@"\b(unmute|unmuted|un mute|unsilence)\b|\bturn (the )?(sound|audio) (back )?on\b|\b(sound|audio) back on\b", RegexOptions.CultureInvariant)]
    private static partial Regex Unmute();

    [GeneratedRegex(@"\b(mute|muted|silence|hush|shush|shut up)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Mute();

    [GeneratedRegex(@"\b((?<move>move|moved|moving|relocate|relocated|relocating|shift|shifted|transfer|transferred)|take|took|bring|brought|carry|carried|put|placed|place)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RelocateVerb();

    [GeneratedRegex(@"\b(is|are) (now (?<in>in|at)|(?<in>in|at) (the|my) \w+( \w+)? now$)", RegexOptions.CultureInvariant)]
    private static partial Regex NowIn();

    [GeneratedRegex(@"\b(louder|volume up|up the volume|increase|raise|boost|more volume|more sound|amplify)\b|\b(turn|pump|crank|bump|amp|bring|jack|put)( \w+){0,4} up\b|\bup a (bit|notch|little|tad|touch)\b|\bcrank\b", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeUpWords();

    [GeneratedRegex(@"\b(quieter|softer|less loud|volume down|lower|decrease|reduce|not so loud|quiet down|pipe down|softly|quietly)\b|\b(turn|bring|tone|keep|dial|put)( \w+){0,4} down\b|\bdown a (bit|notch|little|tad|touch)\b", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeDownWords();

    [GeneratedRegex(@"\b(max|maximum|full|top|highest|loudest)( the)? volume\b|\ball the way up\b|\bas loud as (it|possible|you can)\b|\bvolume (to |at )?(the )?(max|maximum|full)\b|\bmax it\b|\b(to|at) (the )?(max|maximum)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MaxVolume();

    [GeneratedRegex(@"\ball the way down\b|\b(minimum|lowest|min) volume\b|\bvolume (to |at )?(the )?(minimum|min)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MinVolume();

    [GeneratedRegex(@"\bhalf volume\b|\bvolume (to |at )?half\b|\bhalf way\b|\bhalfway\b", RegexOptions.CultureInvariant)]
    private static partial Regex HalfVolume();

    [GeneratedRegex(@"\b(volume|loudness|sound level|level)\b", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeWord();

    [GeneratedRegex(@"\b(set|make|turn|change|bring|adjust|crank|drop|put)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SetVerb();

    [GeneratedRegex(@"\bskip\b|\bnext (song|track|tune|one)\b|^next( please| one| song| track)?$|\b(another|different|new|other) (song|track|tune)\b|\bchange (the |this )?(song|track|tune)\b|\bplay (the )?next\b|\bdo not like this (song|track|one|tune)\b|\bsomething else\b|\bgo to the next\b", RegexOptions.CultureInvariant)]
    private static partial Regex Skip();

    [GeneratedRegex(@"\b(pause|paused|halt|stop|stopped)\b|\b(kill|cut|end|cancel)( the| this| that| my)? (music|song|track|audio|sound|tunes|playback|radio|playing)\b|\b(turn|switch|shut) off (the |this |that |my )?(music|song|track|audio|tunes|radio|playback|sound)\b|\b(turn|switch|shut) (the |this |that |my )?(music|song|track|audio|tunes|radio|playback) off\b|\bno more music\b|\benough( of)?( this| the)? (music|song)\b|^(the )?(music|song|radio|tunes) off\b", RegexOptions.CultureInvariant)]
    private static partial Regex Pause();

    [GeneratedRegex(@"\b(turn|switch|flip) on\b", RegexOptions.CultureInvariant)]
    private static partial Regex TurnOn();

    [GeneratedRegex(@"\b(turn|switch|put) (the |some |my )?(music|radio|tunes) (back )?on\b|^(the )?(music|radio|tunes) (back )?on\b", RegexOptions.CultureInvariant)]
    private static partial Regex MusicOn();

    [GeneratedRegex(@"\b(put|throw|stick) (?<music>(\w+ ){1,6}?)on\b", RegexOptions.CultureInvariant)]
    private static partial Regex PutSomethingOn();

    [GeneratedRegex(@"\b(play|put on|throw on|listen to|blast|stream|queue up|queue|spin|(?<resume>resume|continue playing|keep playing|continue the music|continue)|start playing|want to hear|like to hear|let us hear|hear)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlayVerb();

    [GeneratedRegex(@"\b(the )?same (music|song|thing|track|playlist|audio|tunes|stuff)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SameMusic();

    [GeneratedRegex(@"\bstart (the |some |my )?(music|tunes|radio|playlist)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StartMusic();

    [GeneratedRegex(@"^((i want|i need|give me|i would like) )?(some )?music( please)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JustMusic();

    [GeneratedRegex(@"\b(multi room|sync|synchronize|synchronise|synced|in sync|group|grouped|link|linked|party mode|together)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MultiRoomWords();

    [GeneratedRegex(@"\b(too|as well|also)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Also();

    [GeneratedRegex(@"\b(turn|switch|shut|power|click|knock|flip)\b( \w+){0,5} off\b|^(please )?(turn|switch|shut|power) of (the|my|it|dev_\w+)\b|\b(shut|power)( \w+){0,4} down\b|\bdeactivate\b|\bdisable\b|\bkill( the| my)? (?!music|song|sound|audio|tunes)\w+|\bput( \w+){0,4} to sleep\b|\bunplug\b", RegexOptions.CultureInvariant)]
    private static partial Regex PowerOff();

    [GeneratedRegex(@"\b(turn|switch|power|flip|click)\b( \w+){0,5} on\b|\b(power|boot|start|fire)( \w+){0,3} up\b|\bwake\b|\bactivate\b|\benable\b|\bback on\b", RegexOptions.CultureInvariant)]
    private static partial Regex PowerOn();
}
