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

    private static bool Matches(string t) => Alone().IsMatch(t) || Person().IsMatch(t) || ReachSomeone().IsMatch(t) || GiveMe().IsMatch(t);

    private static string Plain(string written) => Spaces().Replace(NotLetters().Replace(written.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal), " "), " ").Trim();

    [GeneratedRegex(@"[^a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotLetters();

    [GeneratedRegex(@" {2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    // The whole message is the word for a person: "agent", "a human please", "representative!".
    [GeneratedRegex(@"^(an? |the )?(human|agent|representative|operator|person|real person|live agent|live person|support agent|customer service|customer support)( please| pls| now| please now)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Alone();

    // A person by a word that means nothing else here.
    [GeneratedRegex(@"\b(real|live|actual) (person|human|agent|people|human being)\b|\b(human|live) (agent|support|help|being)\b|\b(customer service|customer support|support) (agent|person|representative|team|staff)\b|\brepresentative\b", RegexOptions.CultureInvariant)]
    private static partial Regex Person();

    // Reaching a person: "can i speak to someone", "talk to a human", "connect me with an agent", "transfer me to support".
    [GeneratedRegex(@"\b(talk|speak|chat|connect me|transfer me|put me through|escalate this|escalate it|escalate)\b( to| with)?( a| an| the| some| your)? (human|person|someone|somebody|agent|operator|staff|people|manager|supervisor|support|customer service|customer support)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReachSomeone();

    // "get me a human", "i want a person", "i need someone from support".
    [GeneratedRegex(@"\b(get me|find me|give me|i want|i need|i would like|send me|send|bring)( to)?( a| an| some)? (human|person|agent|operator|somebody|someone) (from|at|on|of) (support|your team|the team|customer service)\b|\b(get me|find me|give me|i want|i need|i would like|send me|bring me)( a| an| some)? (human|person|agent|operator)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GiveMe();
}
