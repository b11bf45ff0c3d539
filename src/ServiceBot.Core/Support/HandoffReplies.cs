using ServiceBot.Core.Analysis;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Replies;

namespace ServiceBot.Core.Support;

/// <summary>
/// Every sentence of the human handoff, in one place. What a customer reads is said in their language, side by side;
/// what staff read (the errors at the end) stays English, as the support console is an English tool.
/// </summary>
public static class HandoffReplies
{
    public static string Queued(int position, int expectedWaitMinutes, Language language = Language.English) => language.Say(
        $"I've asked a person from our support team to join this conversation. You are number {position} in the queue; "
        + $"the expected wait is about {DurationWords.Minutes(expectedWaitMinutes, Language.English)}. You can keep writing here: everything you send is kept for them.",
        $"He pedido a una persona de nuestro equipo de soporte que se una a esta conversación. Eres el número {position} en la cola; "
        + $"la espera prevista es de unos {DurationWords.Minutes(expectedWaitMinutes, Language.Spanish)}. Puedes seguir escribiendo aquí: todo lo que envíes se guarda para esa persona.",
        $"Ich habe eine Person aus unserem Support-Team gebeten, dieser Unterhaltung beizutreten. Du bist Nummer {position} in der Warteschlange; "
        + $"die Wartezeit beträgt etwa {DurationWords.Minutes(expectedWaitMinutes, Language.German)}. Du kannst hier weiterschreiben: Alles, was du sendest, wird für diese Person aufbewahrt.");

    public static string AlreadyWithYou(string? staffName, Language language = Language.English) => language.Say(
        $"{staffName ?? "A person"} from our support team is already with you in this conversation.",
        $"{staffName ?? "Una persona"} de nuestro equipo de soporte ya está contigo en esta conversación.",
        $"{staffName ?? "Eine Person"} aus unserem Support-Team ist schon bei dir in dieser Unterhaltung.");

    /// <summary>The handoff notice's heading: "Waiting for a person", "A person is here", "Back with ServiceBot".</summary>
    public static string Title(string status, Language language) => status switch
    {
        HandoffStatuses.Queued => language.Say("Waiting for a person", "Esperando a una persona", "Warten auf eine Person"),
        HandoffStatuses.Assigned => language.Say("A person is here", "Una persona está contigo", "Eine Person ist da"),
        _ => language.Say("Back with ServiceBot", "De vuelta con ServiceBot", "Zurück bei ServiceBot"),
    };

    /// <summary>Where the request stands, as the notice above the chat says it.</summary>
    public static string Notice(string status, int? position, int? expectedWaitMinutes, string? staffName, Language language) => status switch
    {
        HandoffStatuses.Queued => InQueue(position, expectedWaitMinutes, language),
        HandoffStatuses.Assigned => language.Say(
            $"{staffName ?? "A person"} from our support team has joined the conversation.",
            $"{staffName ?? "Una persona"} de nuestro equipo de soporte se ha unido a la conversación.",
            $"{staffName ?? "Eine Person"} aus unserem Support-Team ist der Unterhaltung beigetreten."),
        HandoffStatuses.Returned => language.Say(
            $"{staffName ?? "Our support team"} handed you back to ServiceBot; it answers your messages again.",
            $"{staffName ?? "Nuestro equipo de soporte"} te ha devuelto a ServiceBot, que vuelve a responder a tus mensajes.",
            $"{staffName ?? "Unser Support-Team"} hat dich an ServiceBot zurückgegeben; ServiceBot beantwortet deine Nachrichten wieder."),
        _ => language.Say(
            $"{staffName ?? "Our support team"} closed this support conversation. Ask for a person again any time.",
            $"{staffName ?? "Nuestro equipo de soporte"} ha cerrado esta conversación de soporte. Puedes volver a pedir una persona cuando quieras.",
            $"{staffName ?? "Unser Support-Team"} hat diese Support-Unterhaltung geschlossen. Du kannst jederzeit wieder nach einer Person fragen."),
    };

    private static string InQueue(int? position, int? expectedWaitMinutes, Language language)
    {
        string place = position is { } p
            ? language.Say(
                $"You are number {p} in the queue for a person from our support team",
                $"Eres el número {p} en la cola para hablar con una persona de nuestro equipo de soporte",
                $"Du bist Nummer {p} in der Warteschlange für eine Person aus unserem Support-Team")
            : language.Say(
                "You are in the queue for a person from our support team",
                "Estás en la cola para hablar con una persona de nuestro equipo de soporte",
                "Du bist in der Warteschlange für eine Person aus unserem Support-Team");
        return expectedWaitMinutes is not { } wait
            ? place + "."
            : place + language.Say(
                $"; the expected wait is about {DurationWords.Minutes(wait, Language.English)}.",
                $"; la espera prevista es de unos {DurationWords.Minutes(wait, Language.Spanish)}.",
                $"; die Wartezeit beträgt etwa {DurationWords.Minutes(wait, Language.German)}.");
    }

    public const string HumanToolDescription =
        "Ask a person from the support team to join this conversation (human handoff). Use it when the customer asks for a "
        + "human, an agent or a representative, or when you cannot help them. The result is what to tell the customer: their "
        + "place in the queue and the expected wait.";

    // Errors of the support console's frames: English, like the console itself (staff read them). The chat page never
    // sends a console frame, so a customer meets StaffOnly only from a hand-written client.
    public const string NotInQueue = "That conversation is not in the support queue.";
    public const string StaffOnly = "Only support staff can do that; sign in on the support console.";
    public const string CustomersOnly = "A support console can't chat, read profiles or history as a customer; use getQueue, getTranscript, takeConversation, sendAgentMessage, handBack or closeConversation.";
    public const string UnknownStaff = "Your staff account could not be found; please sign in again.";
    public const string Ended = "That conversation has already been handed back or closed; it is no longer in the queue.";
    public const string TakeFirst = "You are not handling that conversation; take it first.";

    public static string HeldBy(string? staffName) =>
        $"{staffName ?? "Someone else"} is already handling that conversation.";
}
