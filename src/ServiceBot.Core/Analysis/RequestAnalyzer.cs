using System.Runtime.CompilerServices;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Reads one customer message: what they want (<see cref="Intent"/>), which of their devices they mean, and the values
/// that go with it (volume, room, music, routine). Pure and synchronous; one instance is shared by every request.
/// </summary>
/// <remarks>
/// The pipeline: <see cref="LanguageDetector"/> (English, Spanish or German) → <see cref="TextNormalizer"/> (case,
/// contractions, Spanish and German read into English by <see cref="Translator"/>, typos) → <see cref="HandoffReader"/>
/// (asking for a person) → <see cref="PlanQuestionReader"/> → <see cref="CorrectionReader"/> → <see cref="TimerReader"/>
/// (one-off timers) → <see cref="RoutineReader"/> (schedules,
/// phrases, routine names) → <see cref="DeviceRequestReader"/> (device requests: <see cref="ActionReader"/>,
/// <see cref="DeviceMentions"/>, <see cref="DeviceResolver"/>) → <see cref="SmallTalkReader"/> → <see cref="OffTopicReader"/>;
/// whatever is left is <see cref="Intent.Unknown"/>.
/// </remarks>
public sealed class RequestAnalyzer
{
    // Words that open a request without changing it: "ok so can you please turn it off".
    private static readonly string[][] Openers =
    [
        ["i", "would", "like", "you", "to"], ["i", "want", "you", "to"], ["i", "need", "you", "to"], ["is", "it", "possible", "to"],
        ["go", "ahead", "and"], ["i", "would", "like", "to"], ["i", "want", "to"], ["i", "need", "to"], ["could", "you"], ["can", "you"],
        ["would", "you"], ["will", "you"], ["let", "us"], ["hi", "there"], ["hey", "there"], ["hello", "there"], ["thank", "you"],
        ["hi"], ["hello"], ["hey"], ["ok"], ["okay"], ["so"], ["um"], ["uh"], ["well"], ["please"], ["now"], ["and"], ["also"],
        ["oh"], ["yes"], ["yeah"], ["thanks"], ["just"], ["kindly"], ["then"], ["bot"], ["right"], ["alright"], ["great"], ["cool"],
        ["perfect"], ["nice"], ["quickly"],
    ];

    // The words for a customer's devices and routines, kept for as long as that customer row is (a store hands out the
    // same row until it changes): working them out again took a fifth of the time of a short message.
    private readonly ConditionalWeakTable<Customer, CustomerTerms> _terms = [];

    /// <summary>Reads <paramref name="text"/> from <paramref name="customer"/>, with what the conversation said before.</summary>
    public RequestAnalysis Analyze(string text, Customer customer, ConversationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        context ??= ConversationContext.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RequestAnalysis { Intent = Intent.Unknown, Language = context.LastLanguage ?? Language.English };
        }

        CustomerTerms terms = _terms.GetValue(customer, static c => new CustomerTerms(
            // A row read from a store may carry no lists at all; read it as "none".
            c.Devices is null || c.Routines is null ? c with { Devices = c.Devices ?? [], Routines = c.Routines ?? [] } : c));
        Language language = LanguageDetector.Detect(text, terms.Words, context.LastLanguage);
        return Read(text, customer, context, terms, language) with { Language = language };
    }

    private RequestAnalysis Read(string text, Customer customer, ConversationContext context, CustomerTerms terms, Language language)
    {
        Utterance whole = TextNormalizer.Normalize(text, terms, language);
        Utterance u = WithoutOpeners(whole);
        if (context.RestartOffered.Count > 0 && ConfirmationReader.IsYes(whole))
        {
            return new RequestAnalysis { Intent = Intent.Restart, DeviceIds = context.RestartOffered };
        }

        if (u.IsEmpty)
        {
            return SmallTalk(whole);
        }

        if (HandoffReader.Read(whole, text))
        {
            return new RequestAnalysis { Intent = Intent.HumanHandoff };
        }

        if (PlanQuestionReader.Read(u) is { } planQuestion)
        {
            return planQuestion;
        }

        if (CorrectionReader.Read(u, terms, context, last => Analyze(last, customer, context with { LastRequest = null, PendingRequest = null, RestartOffered = [] })) is { } correction)
        {
            return correction;
        }

        if (TimerReader.Read(u, terms, context) is { } timer)
        {
            return timer;
        }

        if (RoutineReader.Read(u, terms, context) is { } routine)
        {
            return routine;
        }

        if (DeviceRequestReader.Read(u, terms, context) is { } request)
        {
            return request;
        }

        return SmallTalk(whole);
    }

    /// <summary>No device request: small talk, a request we decline (named), or what we could not place.</summary>
    private static RequestAnalysis SmallTalk(Utterance whole)
    {
        Intent intent = SmallTalkReader.Read(whole);
        return intent == Intent.Unknown && OffTopicReader.Read(whole) is { } topic
            ? new RequestAnalysis { Intent = Intent.OutOfScope, OffTopic = topic }
            : new RequestAnalysis { Intent = intent };
    }

    private static Utterance WithoutOpeners(Utterance u)
    {
        int start = 0;
        bool stripped = true;
        while (stripped && start < u.Count)
        {
            stripped = false;
            foreach (string[] opener in Openers)
            {
                if (u.StartsWith(start, opener))
                {
                    start += opener.Length;
                    stripped = true;
                    break;
                }
            }
        }

        return start == 0 ? u : u.Slice(start, u.Count);
    }
}
