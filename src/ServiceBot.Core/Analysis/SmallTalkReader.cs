using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ServiceBot.Core.Analysis;

/// <summary>Greetings, thanks and "what can you do?": read only when the message asks for nothing else.</summary>
internal static partial class SmallTalkReader
{
    private static readonly FrozenSet<string> GreetingWords = FrozenSet.Create(
        StringComparer.Ordinal, "hi", "hello", "hey", "hiya", "howdy", "yo", "greetings", "morning", "afternoon", "evening", "sup", "heya",
        "helo", "hallo", "hullo");

    private static readonly FrozenSet<string> GreetingFiller = FrozenSet.Create(
        StringComparer.Ordinal, "there", "good", "everyone", "bot", "servicebot", "team", "how", "are", "you", "doing", "is", "it",
        "going", "what", "up", "to", "ya", "again", "all", "oh", "ok", "okay", "today", "assistant", "friend", "day");

    public static Intent Read(Utterance u)
    {
        string t = u.Text;
        if (Capabilities().IsMatch(t))
        {
            return Intent.Capabilities;
        }

        if (Thanks().IsMatch(t))
        {
            return Intent.Thanks;
        }

        // "who are you?": the greeting says who the bot is.
        if (WhoAreYou().IsMatch(t))
        {
            return Intent.Greeting;
        }

        bool greeting = false;
        for (int i = 0; i < u.Count; i++)
        {
            if (GreetingWords.Contains(u[i]) || (u[i] == "good" && u[i + 1] is "morning" or "afternoon" or "evening" or "day"))
            {
                greeting = true;
            }
            else if (!GreetingFiller.Contains(u[i]))
            {
                return Intent.Unknown;
            }
        }

        return greeting || t is "what is up" or "how are you" ? Intent.Greeting : Intent.Unknown;
    }

    [GeneratedRegex(@"^(help|help me|help please|please help|i need help|need help|menu|options|commands|\?)$|\bwhat (else )?(can|could) (you|u) (do|help)\b|\bhow (can|do|could) you help\b|\bwhat (are|do) you (able|capable|do|for)\b|\bwhat can i (do|ask|say)\b|\bwhat (am|are) i (allowed|able|permitted)\b|\bwhat is (included )?(in )?my (plan|tier|subscription|package)\b|\b(my|the|our) (plan|tier|subscription|service level|package) (include|includes|cover|covers|allow|allows|let|lets|offer|offers)\b|\bwhat does my (\w+ )?(plan|tier|subscription|package)\b|\b(which|what) (plan|tier|subscription|service level|package) (am i|do i|is this|is my)\b|\bwhat (features|options) (do i|are)\b|\bupgrade\b|\bwhat (do|can) i get\b|\bwhat do you (offer|support)\b|\bam i allowed\b", RegexOptions.CultureInvariant)]
    private static partial Regex Capabilities();

    [GeneratedRegex(@"^((and|so|hi|hey|hello|sorry|but) )?(who|what) (are|r) (you|u)( exactly| anyway| then| actually)?$|^(who|what) am i (talking|chatting|speaking) (to|with)$|^what is your name$|^(do|have) you (have|got) a name$", RegexOptions.CultureInvariant)]
    private static partial Regex WhoAreYou();

    [GeneratedRegex(@"\b(thanks|thank|thankyou|cheers|appreciate it|appreciated|much obliged|ta)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Thanks();
}
