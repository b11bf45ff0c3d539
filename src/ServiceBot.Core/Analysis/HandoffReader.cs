using System.Text.RegularExpressions;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Asking for a person ("agent please", "talk to a human", "I want a real person", "can I speak to someone",
/// "representative"). Read before anything else: "get me a human about my speaker" is a request for a person, not
/// for the speaker. No tier action is needed; everyone may ask.
/// </summary>
internal static partial class HandoffReader
{
    /// <summary>
    /// True when the message asks for a person. The words as written are read too: typo correction, made for device
    /// words, turns some of these ("chat" into "that") into others.
    /// </summary>
    public static bool Read(Utterance whole, string written) => Matches(whole.Text) || Matches(Plain(written));

    private static bool Matches(string t) =>
        Alone().IsMatch(t) || Person().IsMatch(t) || ReachSomeone().IsMatch(t) || GiveMe().IsMatch(t)
        || ContactMe().IsMatch(t) || CallBack().IsMatch(t) || PersonHelps().IsMatch(t) || SomeoneWhoCan().IsMatch(t);

    // The kinds of people who work in support, named by their job: "a support engineer", "a technician", "your manager".
    private const string Staff = @"(human|person|agent|operator|representative|rep|engineer|technician|specialist|expert|advisor|adviser|consultant|supervisor|manager|colleague|employee|staff member|staffer|member of staff|team member|support engineer|support technician|support specialist|support person|support agent)";

    private static string Plain(string written) => Spaces().Replace(NotLetters().Replace(written.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal), " "), " ").Trim();

    [GeneratedRegex(@"[^a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotLetters();

    [GeneratedRegex(@" {2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    // The whole message is the word for a person: "agent", "a human please", "representative!", "technician please".
    [GeneratedRegex(@"^(an? |the )?(" + Staff + @"|real person|live agent|live person|customer service|customer support)( please| pls| now| please now)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Alone();

    // A person by a word that means nothing else here.
    [GeneratedRegex(@"\b(real|live|actual) (person|human|agent|people|human being)\b|\b(human|live) (agent|support|help|being)\b|\b(customer service|customer support|support|technical support|tech support|service) (agent|person|representative|rep|team|staff|engineer|engineers|technician|technicians|specialist|specialists|expert|experts|staff member)\b|\brepresentative\b", RegexOptions.CultureInvariant)]
    private static partial Regex Person();

    // Reaching a person: "can i speak to someone", "talk to a human", "connect me with an agent", "transfer me to support".
    [GeneratedRegex(@"\b(talk|speak|chat|connect me|transfer me|put me through|escalate this|escalate it|escalate)\b( to| with)?( a| an| the| some| your)? (" + Staff + @"|someone|somebody|staff|people|support|customer service|customer support)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReachSomeone();

    // "get me a human", "i want a person", "i need someone from support".
    [GeneratedRegex(@"\b(get me|find me|give me|i want|i need|i would like|send me|send|bring)( to)?( a| an| some)? (human|person|agent|operator|somebody|someone) (from|at|on|of) (support|your team|the team|customer service)\b|\b(get me|find me|give me|i want|i need|i would like|send me|bring me)( a| an| some| one of your| your)? " + Staff + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex GiveMe();

    // Asking to be contacted: "call me back", "can someone phone me", "have support email me". "call me Sam" is a name, not a call.
    [GeneratedRegex(@"\b(call|ring|phone|contact|email|e mail|text) me\b(?! (?!back|please|pls|asap|now|today|tomorrow|later|soon|about|regarding|on|at|right|again|instead|thanks|thank)\w)|\b(get|getting|be|stay) in touch with me\b|\breach out to me\b|\b(contact|call|phone|ring|email|reach) (your |the )?(support|customer service|customer support|support team|helpdesk|help desk|service desk)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ContactMe();

    // "can I get a call back from support", "I'd like a callback", "schedule a phone call".
    [GeneratedRegex(@"\b(get|have|request|arrange|schedule|book|want|need|like|give me|set up|ask for|organise|organize)( me)? (a |an )?(call back|callback|phone call|call)\b|\bcall me back\b", RegexOptions.CultureInvariant)]
    private static partial Regex CallBack();

    // A person as the one who helps: "can a human look at my problem", "could an engineer check it", "I'd like a technician to help".
    [GeneratedRegex(@"\b(can|could|will|would|may|should|please have|have|let|i want|i would like|i need|get) (a |an |some |one of your |your |the |real |actual |a real |an actual )?" + Staff + @"s? (from (your |the )?\w+ )?(to )?(look|help|check|call|contact|take|have|handle|review|fix|sort|deal|assist|get back|reach out|ring|phone|email|see|investigate|come)\b|\b(someone|somebody) (from|at|in|on) (your|the) (team|support|company|support team|staff|office)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PersonHelps();

    // "get me someone who can actually help", "is there anybody that can fix this": a person who can, not the bot.
    [GeneratedRegex(@"\b(get me|find me|give me|send me|i want|i need|i would like|is there|there must be|put me through to|let me talk to|let me speak to) (someone|somebody|anyone|anybody|a person|a human|people) (who|that|to) (can |could |will |would |knows how to |actually |really )*(help|fix|sort|assist|explain|understand|understands|knows|look|deal)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SomeoneWhoCan();
}
