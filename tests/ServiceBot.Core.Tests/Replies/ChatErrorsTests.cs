using ServiceBot.Core.Analysis;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Replies;

namespace ServiceBot.Core.Tests.Replies;

/// <summary>Errors a customer's message meets before its answer follow the message's language; other frames stay English.</summary>
public sealed class ChatErrorsTests
{
    [Theory]
    [InlineData(ClientActions.SendMessage, "¿está encendido mi altavoz?", Language.Spanish)]
    [InlineData(ClientActions.SendMessage, "ist mein Lautsprecher an?", Language.German)]
    [InlineData(ClientActions.SendMessage, "is my speaker on?", Language.English)]
    // A staff member's reply is for the customer, but the errors it meets are the console's, and the console is English.
    [InlineData(ClientActions.SendAgentMessage, "¿está encendido su altavoz?", Language.English)]
    [InlineData(ClientActions.GetHistory, null, Language.English)]
    public void The_language_of_a_frame_is_its_messages_only_for_a_customers_message(string action, string? message, Language expected) =>
        Assert.Equal(expected, ChatErrors.LanguageOf(new ClientFrame { Action = action, Message = message }));

    public static TheoryData<string> Errors => new(["TooFast", "AccountNotFound", "NotYourConversation", "StillAnswering", "AnswerFailed", "OurFault"]);

    [Theory]
    [MemberData(nameof(Errors))]
    public void Every_error_is_written_in_each_language(string name)
    {
        Func<Language, string> say = name switch
        {
            "TooFast" => ChatErrors.TooFast,
            "AccountNotFound" => ChatErrors.AccountNotFound,
            "NotYourConversation" => ChatErrors.NotYourConversation,
            "StillAnswering" => ChatErrors.StillAnswering,
            "AnswerFailed" => ChatErrors.AnswerFailed,
            _ => ChatErrors.OurFault,
        };
        string[] said = [say(Language.English), say(Language.Spanish), say(Language.German)];

        Assert.Equal(3, said.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Language.Spanish, LanguageDetector.Detect(said[1]));
        Assert.Equal(Language.German, LanguageDetector.Detect(said[2]));
    }
}
