using System.Collections.Frozen;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// A plain "yes" to what the bot offered ("yes please", "sure, go ahead", "ok do it"): nothing but words of assent.
/// Read only when the last reply made an offer, so a "yes" out of the blue stays small talk.
/// </summary>
internal static class ConfirmationReader
{
    private static readonly FrozenSet<string> Assent = FrozenSet.Create(
        StringComparer.Ordinal, "yes", "yeah", "yep", "yup", "ya", "yea", "sure", "ok", "okay", "alright", "fine", "please", "do", "it",
        "go", "ahead", "for", "that", "would", "be", "great", "thanks", "thank", "you", "sounds", "good", "absolutely", "definitely",
        "of", "course", "restart", "reboot", "try", "let", "us", "just");

    // What makes it a yes; "ok" and "alright" only go with one, so "ok thanks" closes the chat and restarts nothing.
    private static readonly FrozenSet<string> Yes = FrozenSet.Create(
        StringComparer.Ordinal, "yes", "yeah", "yep", "yup", "ya", "yea", "sure", "absolutely", "definitely", "go", "do", "restart",
        "reboot", "please");

    public static bool IsYes(Utterance u)
    {
        bool yes = false;
        for (int i = 0; i < u.Count; i++)
        {
            if (!Assent.Contains(u[i]))
            {
                return false;
            }

            yes |= Yes.Contains(u[i]);
        }

        return yes;
    }
}
