using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Replies;

namespace ServiceBot.Core.Agent;

/// <summary>
/// Our own model: an IChatClient that needs no network. On the customer's turn it plans tool calls from the
/// RequestAnalyzer's reading; once the tools have answered, it writes the reply from their results. It drives
/// the same tools, through the same gate, as Claude does.
/// </summary>
public sealed class OfflineAssistant(AgentContext context, ConversationContext conversation) : IChatClient
{
    public const string ModelId = "servicebot-offline";

    private int _turns;

    // The words for the parts of the message that ran no tool, added to the reply once the tools have answered.
    private List<string> _notes = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        IList<ChatMessage> list = messages as IList<ChatMessage> ?? messages.ToList();
        ChatMessage answer = Answer(list);
        return Task.FromResult(new ChatResponse(answer) { ModelId = ModelId, FinishReason = answer.Contents.OfType<FunctionCallContent>().Any() ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ChatResponse response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        ChatMessage message = response.Messages[0];
        // Unique within the reply, which is all the agent needs to tell one turn's words from the next.
        string messageId = $"{ModelId}-{++_turns}";
        yield return new ChatResponseUpdate(ChatRole.Assistant, message.Contents) { MessageId = messageId, ModelId = ModelId, FinishReason = response.FinishReason };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    public void Dispose()
    {
        // Nothing to release: no connection, no model.
    }

    private ChatMessage Answer(IList<ChatMessage> messages)
    {
        List<FunctionResultContent> results = ResultsSinceLastUserTurn(messages);
        if (results.Count > 0)
        {
            return Text(string.Join(" ", results.Select(r => ReadResult(r, context.Analysis.Language)).Concat(_notes)));
        }

        RequestAnalysis analysis = context.Analysis;
        switch (analysis.Intent)
        {
            case Intent.Greeting: return Text(OfflineReplies.Greeting(context));
            case Intent.Thanks: return Text(OfflineReplies.Thanks(context));
            case Intent.Capabilities: return Text(OfflineReplies.Capabilities(context));
            case Intent.OutOfScope: return Text(OfflineReplies.OutOfScope(context, analysis.OffTopic));
            case Intent.PlanQuestion when analysis.PlanQuestion is { } plan: return Text(PlanReplies.Answer(context, plan));
            case Intent.Unknown when analysis.OtherPersonsDevice is null: return Text(OfflineReplies.Unknown(context));
        }

        // Every request of the message gets its tool calls or its own words; the words wait for the tools' results so
        // that one reply covers every part.
        var calls = new List<AIContent>();
        var notes = new List<string>();
        foreach (RequestAnalysis part in analysis.AllRequests)
        {
            if (WordsFor(part) is { } words)
            {
                notes.Add(words);
                continue;
            }

            foreach (OfflinePlanner.PlannedCall call in OfflinePlanner.Plan(part, conversation))
            {
                calls.Add(new FunctionCallContent($"offline_{calls.Count + 1}", call.Tool, call.Arguments));
            }
        }

        if (calls.Count == 0)
        {
            return Text(string.Join(" ", notes.Distinct(StringComparer.Ordinal)));
        }

        _notes = notes.Distinct(StringComparer.Ordinal).ToList();
        return new ChatMessage(ChatRole.Assistant, calls);
    }

    /// <summary>What a request is answered with when it runs no tool: someone else's device, a question back, no device.</summary>
    private string? WordsFor(RequestAnalysis part)
    {
        if (part.OtherPersonsDevice is { } theirs)
        {
            return OfflineReplies.NotYours(theirs, context.Analysis.Language);
        }

        if (part.Clarification is { } clarification)
        {
            return OfflineReplies.Clarify(context, clarification);
        }

        return OfflinePlanner.Plan(part, conversation).Count == 0 ? OfflineReplies.NoDevice(context) : null;
    }

    private static ChatMessage Text(string text) => new(ChatRole.Assistant, text);

    private static List<FunctionResultContent> ResultsSinceLastUserTurn(IList<ChatMessage> messages)
    {
        var results = new List<FunctionResultContent>();
        for (int i = messages.Count - 1; i >= 0 && messages[i].Role != ChatRole.User; i--)
        {
            results.InsertRange(0, messages[i].Contents.OfType<FunctionResultContent>());
        }

        return results;
    }

    /// <summary>A tool's result is our ToolOutcome, as an object or as the JSON the function invoker made of it.</summary>
    private static string ReadResult(FunctionResultContent result, Language language) => result.Result switch
    {
        ToolOutcome outcome => outcome.Message,
        JsonElement { ValueKind: JsonValueKind.Object } json when json.TryGetProperty("message", out JsonElement message) => message.GetString() ?? "",
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString() ?? "",
        null when result.Exception is not null => language.Say(
            "Something went wrong on my side with that request; please try again.",
            "Algo ha fallado por mi parte con esa petición; inténtalo de nuevo.",
            "Bei dieser Anfrage ist bei mir etwas schiefgelaufen; bitte versuch es noch einmal."),
        var other => other?.ToString() ?? "",
    };
}
