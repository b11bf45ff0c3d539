using ServiceBot.Core.Analysis;
using ServiceBot.Core.Replies;

namespace ServiceBot.Core.Support;

/// <summary>Every sentence of the human handoff, in one place (to be translated with the bot's other replies).</summary>
public static class HandoffReplies
{
    public static string Queued(int position, int expectedWaitMinutes, Language language = Language.English) => language.Say(
        $"I've asked a person from our support team to join this conversation. You are number {position} in the queue; "
        + $"the expected wait is about {Minutes(expectedWaitMinutes)}. You can keep writing here: everything you send is kept for them.",
        $"He pedido a una persona de nuestro equipo de soporte que se una a esta conversación. Eres el número {position} en la cola; "
        + $"la espera prevista es de unos {expectedWaitMinutes} {(expectedWaitMinutes == 1 ? "minuto" : "minutos")}. Puedes seguir escribiendo aquí: todo lo que envíes se guarda para esa persona.",
        $"Ich habe eine Person aus unserem Support-Team gebeten, dieser Unterhaltung beizutreten. Du bist Nummer {position} in der Warteschlange; "
        + $"die Wartezeit beträgt etwa {expectedWaitMinutes} {(expectedWaitMinutes == 1 ? "Minute" : "Minuten")}. Du kannst hier weiterschreiben: Alles, was du sendest, wird für diese Person aufbewahrt.");

    public static string AlreadyWithYou(string? staffName, Language language = Language.English) => language.Say(
        $"{staffName ?? "A person"} from our support team is already with you in this conversation.",
        $"{staffName ?? "Una persona"} de nuestro equipo de soporte ya está contigo en esta conversación.",
        $"{staffName ?? "Eine Person"} aus unserem Support-Team ist schon bei dir in dieser Unterhaltung.");

    public const string HumanToolDescription =
        "Ask a person from the support team to join this conversation (human handoff). Use it when the customer asks for a "
        + "human, an agent or a representative, or when you cannot help them. The result is what to tell the customer: their "
        + "place in the queue and the expected wait.";

    // Errors a staff member sees.
    public const string NotInQueue = "That conversation is not in the support queue.";
    public const string StaffOnly = "Only support staff can do that; sign in on the support console.";
    public const string CustomersOnly = "A support console can't chat, read profiles or history as a customer; use getQueue, getTranscript, takeConversation, sendAgentMessage, handBack or closeConversation.";
    public const string UnknownStaff = "Your staff account could not be found; please sign in again.";
    public const string Ended = "That conversation has already been handed back or closed; it is no longer in the queue.";
    public const string TakeFirst = "You are not handling that conversation; take it first.";

    public static string HeldBy(string? staffName) =>
        $"{staffName ?? "Someone else"} is already handling that conversation.";

    private static string Minutes(int minutes) => minutes == 1 ? "1 minute" : $"{minutes} minutes";
}
