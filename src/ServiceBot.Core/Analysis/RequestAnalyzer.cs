using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Reads one customer message: what they want (<see cref="Intent"/>), which of their devices they mean, and the values
/// that go with it (volume, room, music, routine). Pure and synchronous; one instance is shared by every request.
/// </summary>
/// <remarks>
/// The pipeline: <see cref="TextNormalizer"/> (case, contractions, typos) → <see cref="RoutineReader"/> (schedules,
/// phrases, routine names) → <see cref="DeviceRequestReader"/> (device requests: <see cref="ActionReader"/>,
/// <see cref="DeviceMentions"/>, <see cref="DeviceResolver"/>) → <see cref="SmallTalkReader"/>; whatever is left is
/// <see cref="Intent.Unknown"/>.
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

    /// <summary>Reads <paramref name="text"/> from <paramref name="customer"/>, with what the conversation said before.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Performance", "CA1822:Mark members as static", Justification = "An injected service: callers hold one shared instance.")]
    public RequestAnalysis Analyze(string text, Customer customer, ConversationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        context ??= ConversationContext.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RequestAnalysis { Intent = Intent.Unknown };
        }

        // A row read from a store may carry no lists at all; read it as "none".
        if (customer.Devices is null || customer.Routines is null)
        {
            customer = customer with { Devices = customer.Devices ?? [], Routines = customer.Routines ?? [] };
        }

        var terms = new CustomerTerms(customer);
        Utterance whole = TextNormalizer.Normalize(text, terms);
        Utterance u = WithoutOpeners(whole);
        if (u.IsEmpty)
        {
            return new RequestAnalysis { Intent = SmallTalkReader.Read(whole) };
        }

        if (RoutineReader.Read(u, terms, context) is { } routine)
        {
            return routine;
        }

        if (DeviceRequestReader.Read(u, terms, context) is { } request)
        {
            return request;
        }

        return new RequestAnalysis { Intent = SmallTalkReader.Read(whole) };
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
