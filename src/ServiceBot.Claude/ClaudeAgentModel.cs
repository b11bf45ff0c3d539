using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Frames;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Claude;

/// <summary>
/// Claude as the agent's model: the system prompt (its stable part cached), the conversation's recent turns within a
/// token budget, then the customer's message. The agent loop, the tools and the gate are the core's, as for the
/// offline assistant.
/// </summary>
public sealed class ClaudeAgentModel : IAgentModel
{
    private readonly IChatClient _claude;
    private readonly ClaudeOptions _options;
    private readonly TimeProvider _time;
    private StablePrompt? _stable;

    internal ClaudeAgentModel(IChatClient claude, ClaudeOptions options, TimeProvider time)
    {
        _claude = claude;
        _options = options;
        _time = time;
    }

    internal ClaudeAgentModel(ClaudeConnection connection, IOptions<ClaudeOptions> options, TimeProvider time)
        : this(connection.ChatClient, options.Value, time)
    {
    }

    public string Source => Sources.Claude;

    public bool StreamsText => true;

    public IChatClient CreateClient(AgentContext context, ConversationContext conversation) => new ClaudeTurnClient(_claude, _options, _time);

    public IList<ChatMessage> BuildMessages(AgentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var system = new ChatMessage(ChatRole.System,
        [
            new TextContent(StableText(context.Catalog)).WithCacheControl(new CacheControlEphemeral()),
            new TextContent(ClaudeSystemPrompt.ForCustomer(context)),
        ]);

        List<ChatMessage> messages = [system, .. ConversationHistory.Select(context.History, _options.HistoryTokenBudget)];
        if (messages[^1].Role == ChatRole.User)
        {
            // The last earlier message went unanswered: the new one joins its turn, as the API wants turns to alternate.
            messages[^1].Contents.Add(new TextContent(context.Text));
        }
        else
        {
            messages.Add(new ChatMessage(ChatRole.User, context.Text));
        }

        return messages;
    }

    public ChatOptions CreateOptions(AgentContext context) => new()
    {
        ModelId = _options.Model,
        MaxOutputTokens = _options.MaxOutputTokens,
        AllowMultipleToolCalls = true,
        Reasoning = _options.Thinking == ClaudeThinking.Off ? new ReasoningOptions { Effort = ReasoningEffort.None } : null,
    };

    private string StableText(ServiceLevelCatalog catalog)
    {
        // The tiers rarely change; the same text for the same catalog keeps the cached prefix byte-identical.
        StablePrompt? stable = Volatile.Read(ref _stable);
        if (stable is null || !ReferenceEquals(stable.Catalog, catalog))
        {
            stable = new StablePrompt(catalog, ClaudeSystemPrompt.Stable(catalog));
            Volatile.Write(ref _stable, stable);
        }

        return stable.Text;
    }

    private sealed record StablePrompt(ServiceLevelCatalog Catalog, string Text);
}
