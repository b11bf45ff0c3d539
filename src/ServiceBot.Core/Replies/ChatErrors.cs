using ServiceBot.Core.Analysis;
using ServiceBot.Core.Frames;

namespace ServiceBot.Core.Replies;

/// <summary>
/// The errors a customer's message can meet before it is answered (too fast, account gone, someone else's
/// conversation, a failure of ours), in the language the message is written in: they are read by the same customer
/// who reads the replies.
/// </summary>
public static class ChatErrors
{
    /// <summary>The language a frame's message is written in; English for a frame without one (a read, a console's frame).</summary>
    public static Language LanguageOf(ClientFrame frame) =>
        frame is { Action: ClientActions.SendMessage, Message: { } text } ? LanguageDetector.Detect(text) : Language.English;

    public static string TooFast(Language language) => language.Say(
        "You're sending messages faster than I can answer; please wait a few seconds and try again.",
        "Estás enviando mensajes más rápido de lo que puedo responder; espera unos segundos y vuelve a intentarlo.",
        "Du schickst Nachrichten schneller, als ich antworten kann; bitte warte ein paar Sekunden und versuch es noch einmal.");

    public static string AccountNotFound(Language language) => language.Say(
        "Your account could not be found; please sign in again.",
        "No se ha encontrado tu cuenta; vuelve a iniciar sesión.",
        "Dein Konto wurde nicht gefunden; bitte melde dich noch einmal an.");

    public static string NotYourConversation(Language language) => language.Say(
        "That conversation is not yours; leave out conversationId to start a new one.",
        "Esa conversación no es tuya; omite conversationId para empezar una nueva.",
        "Diese Unterhaltung gehört nicht dir; lass conversationId weg, um eine neue zu beginnen.");

    public static string StillAnswering(Language language) => language.Say(
        "That message is still being answered; please try again in a moment.",
        "Todavía estoy respondiendo a ese mensaje; vuelve a intentarlo en un momento.",
        "Auf diese Nachricht antworte ich gerade noch; bitte versuch es gleich noch einmal.");

    public static string AnswerFailed(Language language) => language.Say(
        "Sorry, something went wrong while answering. Your message is saved; please try again.",
        "Lo siento, algo ha fallado al responder. Tu mensaje está guardado; inténtalo de nuevo.",
        "Entschuldigung, beim Antworten ist etwas schiefgelaufen. Deine Nachricht ist gespeichert; bitte versuch es noch einmal.");

    public static string OurFault(Language language) => language.Say(
        "Sorry, something went wrong on our side. Please try again.",
        "Lo siento, algo ha fallado por nuestra parte. Inténtalo de nuevo.",
        "Entschuldigung, bei uns ist etwas schiefgelaufen. Bitte versuch es noch einmal.");
}
