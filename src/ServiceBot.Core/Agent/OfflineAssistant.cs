using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ServiceBot.Core.Analysis;

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
            return new ChatMessage(ChatRole.Assistant, string.Join(" ", results.Select(ReadResult)));
        }

        RequestAnalysis analysis = context.Analysis;
        if (analysis.Clarification is { } clarification)
        {
            return Text(OfflineReplies.Clarify(context, clarification));
        }

        switch (analysis.Intent)
        {
            case Intent.Greeting: return Text(OfflineReplies.Greeting(context));
            case Intent.Thanks: return Text(OfflineReplies.Thanks(context));
            case Intent.Capabilities: return Text(OfflineReplies.Capabilities(context));
            case Intent.OutOfScope: return Text(OfflineReplies.OutOfScope(context, analysis.OffTopic));
            case Intent.Unknown: return Text(OfflineReplies.Unknown(context));
        }

        IReadOnlyList<OfflinePlanner.PlannedCall> plan = OfflinePlanner.Plan(analysis, conversation);
        if (plan.Count == 0)
        {
            return Text(OfflineReplies.NoDevice(context));
        }

        var calls = plan.Select((call, i) => (AIContent)new FunctionCallContent($"offline_{i + 1}", call.Tool, call.Arguments)).ToList();
        return new ChatMessage(ChatRole.Assistant, calls);
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
    private static string ReadResult(FunctionResultContent result) => result.Result switch
    {
        ToolOutcome outcome => outcome.Message,
        JsonElement { ValueKind: JsonValueKind.Object } json when json.TryGetProperty("message", out JsonElement message) => message.GetString() ?? "",
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString() ?? "",
        null when result.Exception is not null => "Something went wrong on my side with that request; please try again.",
        var other => other?.ToString() ?? "",
    };
}
