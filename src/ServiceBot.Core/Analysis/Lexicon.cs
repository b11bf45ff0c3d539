using System.Collections.Frozen;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// The words the analyzer knows. Typos are corrected towards <see cref="Targets"/>; words in <see cref="Known"/>
/// (targets plus everyday English) are never "corrected".
/// </summary>
internal static class Lexicon
{
    // Ordered by priority: on a tie the earlier word wins.
    private const string TargetWords = """
        the volume speaker speakers display displays screen screens hub hubs device devices
        turn switch shut power play pause stop skip next mute unmute move relocate louder quieter softer
        lower raise increase decrease reduce boost music song songs track playlist album radio
        kitchen bedroom living room dining office bathroom conference reception garage hallway guest kids
        basement patio study lobby lounge attic
        routine routines create delete remove cancel schedule every weekday weekdays weekend weekends daily
        monday tuesday wednesday thursday friday saturday sunday
        mondays tuesdays wednesdays thursdays fridays saturdays sundays
        morning afternoon evening night tonight noon midnight
        thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred percent
        online offline status playing listening hear volume loud quiet sound everywhere everything
        thanks thank hello please what which where status information about include included allowed plan tier
        jazz classical rock pop hip hop rap country blues reggae metal folk soul funk disco techno electronic
        ambient lofi indie punk gospel latin salsa chill relaxing christmas workout podcast news lullabies
        piano acoustic opera instrumental
        light lights lamp thermostat camera doorbell heater
        restart reboot wifi frozen troubleshoot diagnose diagnostics disconnecting disconnected
        down
        """;

    // Everyday words a customer types that must stay as they are.
    private const string CommonWords = """
        a an to at in on of for by with from into onto up down off out over under all any some my me i you your
        it its is are was were be been am do does did done can could would will should shall may might must
        just now then and or but not no yes yeah yep nope so too very much more less bit little lot notch tad
        this that these those them they there here what who why how when whenever if once again still also
        back same other another both each whole house home anything something nothing else ok okay alright sure
        let us we our get got give gave go going gone want wanted need needed like love hate have has had
        own owns make makes made set sets put puts take took bring brought carry place keep kept start starts
        started run runs running tell told show shows list say says said call called name named know help
        helps check find see look looking try trying able allow allows permission hi hey hiya howdy yo cheers
        appreciate appreciated great awesome perfect cool nice good fine lovely brilliant bye goodbye welcome
        weather joke time date day days week weeks month today tomorrow yesterday minute minutes hour hours
        pm am oclock half quarter past till until through throughout across around near next last first
        kind type sort model make brand features feature capabilities info details specs price cost buy order
        pizza food movie book email text message call phone account password bill upgrade downgrade subscription
        account service support human agent person refund broken working connected awake asleep active
        turned switched shut powered playing played plays paused stopped moved moving relocated muted unmuted
        louder loudly quietly softly high low max maximum minimum full level levels noisy deafening hurts ears
        notch notches steps points units way right left top bottom middle there their theyre
        song tune tunes tracks albums artist band singer genre station stations stuff
        dim bright brighter dimmer lock locks fan fans plug plugs bulb bulbs blinds fridge oven alarm vacuum
        upstairs downstairs inside outside floor wall window door table shelf desk corner
        new old another different favorite favourite favourites favorites same usual
        hear heard listen listened audible barely hardly cannot unable hard
        thanks thank thx ty zero one two three four five six seven eight nine ten eleven twelve
        mornings evenings nights afternoons
        wi fi internet network router signal connect connects connecting disconnect disconnects disconnecting disconnected
        drop drops dropping dropped keeps losing lost loses unstable flaky spotty poor weak bad terrible awful
        freeze freezes freezing froze stuck hung unresponsive respond responds responding lagging laggy glitch glitching
        glitchy crash crashes crashing crashed black blank dark screen loading dead wrong problem problems issue issues
        trouble troubles acting weird strange funny misbehaving malfunctioning faulty fix troubleshooting diagnostic
        restarting rebooting reset cycle silent noise making producing coming cutting cuts work works worked
        forecast raining rain sunny umbrella flight flights hotel hotels taxi cab uber plane trip ticket tickets reserve
        poem poems poetry haiku story stories essay lyrics write compose jokes riddle groceries recipe recipes delivery
        remind reminder reminders calendar appointment alarm timer president capital stock stocks score football
        homework translate calculate solve
        dawn gown town firmware software version party mode
        than plans tiers packages subscriptions memberships higher highest above beyond better best
        """;

    /// <summary>Words of rooms and device types: still corrected inside a title or a routine name ("play jazz in the kitchn").</summary>
    private const string PlaceWords = """
        kitchen bedroom living room dining office bathroom conference reception garage hallway guest kids basement patio
        study lobby lounge attic speaker speakers display displays screen screens hub hubs device devices everywhere
        """;

    /// <summary>Genres and the like: music values made only of these come back in lower case ("JAZZ" → "jazz").</summary>
    private const string MusicWordList = """
        jazz classical rock pop hip hop rap country blues reggae metal folk soul funk disco techno electronic
        ambient lofi indie punk gospel latin salsa chill relaxing christmas workout podcast news lullabies
        piano acoustic opera instrumental house dance edm rnb trance dubstep grunge swing bossa nova
        radio playlist station mix hits music songs tunes oldies ballads
        """;

    /// <summary>Rooms typed as one word.</summary>
    public static readonly FrozenDictionary<string, string> Compounds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["livingroom"] = "living room",
        ["diningroom"] = "dining room",
        ["conferenceroom"] = "conference room",
        ["guestroom"] = "guest room",
        ["kidsroom"] = "kids room",
        ["kidroom"] = "kids room",
        ["frontdesk"] = "front desk",
        ["multiroom"] = "multi room",
        ["goodnight"] = "good night",
        ["goodmorning"] = "good morning",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Chat shorthand and contractions typed without the apostrophe.</summary>
    public static readonly FrozenDictionary<string, string> Shorthands = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["whats"] = "what is",
        ["thats"] = "that is",
        ["theres"] = "there is",
        ["wheres"] = "where is",
        ["hows"] = "how is",
        ["its"] = "it is",
        ["cant"] = "can not",
        ["cannot"] = "can not",
        ["wont"] = "will not",
        ["dont"] = "do not",
        ["doesnt"] = "does not",
        ["isnt"] = "is not",
        ["arent"] = "are not",
        ["didnt"] = "did not",
        ["couldnt"] = "could not",
        ["im"] = "i am",
        ["ive"] = "i have",
        ["pls"] = "please",
        ["plz"] = "please",
        ["thx"] = "thanks",
        ["thnx"] = "thanks",
        ["ty"] = "thanks",
        ["u"] = "you",
        ["ur"] = "your",
        ["vol"] = "volume",
        ["gonna"] = "going to",
        ["wanna"] = "want to",
        ["gimme"] = "give me",
        ["nite"] = "night",
        ["tonite"] = "tonight",
        ["musik"] = "music",
        ["everyday"] = "every day",
        ["shutdown"] = "shut down",
        ["unpause"] = "resume",
        ["tv"] = "display",
        ["tvs"] = "displays",
        ["television"] = "display",
        ["turns"] = "turn",
        ["switches"] = "switch",
        ["sets"] = "set",
        ["plays"] = "play",
        ["pauses"] = "pause",
        ["mutes"] = "mute",
        ["unmutes"] = "unmute",
        ["starts"] = "start",
        ["stops"] = "stop",
        ["shuts"] = "shut",
        ["puts"] = "put",
        ["skips"] = "skip",
        ["lowers"] = "lower",
        ["raises"] = "raise",
        ["moves"] = "move",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words typos are corrected towards, in priority order.</summary>
    public static readonly string[] Targets = Split(TargetWords).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Words left as they are.</summary>
    public static readonly FrozenSet<string> Known = Split(TargetWords).Concat(Split(CommonWords)).Concat(Split(MusicWordList))
        .ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> MusicWords = Split(MusicWordList).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What a word inside a title may still be corrected to: genres, rooms and device types.</summary>
    public static readonly string[] ProtectedTargets = Split(MusicWordList).Concat(Split(PlaceWords)).Distinct(StringComparer.Ordinal).ToArray();

    private static string[] Split(string words) =>
        words.Split([' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
