using Microsoft.Extensions.AI;
using ServiceBot.Core.Analysis;

namespace ServiceBot.Core.Agent;

/// <summary>A model the agent can talk to: Claude, or the offline assistant. The agent's loop, tools and gate are the same for both.</summary>
public interface IAgentModel
{
    /// <summary>The <c>source</c> of the replies it writes: <c>claude</c> or <c>offline</c>.</summary>
    string Source { get; }

    /// <summary>
    /// Whether its words arrive over time, so the customer should see them as <c>delta</c> frames while they are
    /// written. A model that answers at once sends none: the final message carries the words, and sending them twice
    /// costs a frame per reply for nothing the customer could see.
    /// </summary>
    bool StreamsText { get; }

    /// <summary>The client for one reply; the caller disposes it.</summary>
    IChatClient CreateClient(AgentContext context, ConversationContext conversation);

    /// <summary>The messages to send: whatever instructions and earlier turns this model needs, then the customer's message.</summary>
    IList<ChatMessage> BuildMessages(AgentContext context);

    /// <summary>Per-request options beyond the tools (model id, output limit, caching).</summary>
    ChatOptions CreateOptions(AgentContext context);
}

/// <summary>The offline assistant as an agent model: no network, no key.</summary>
public sealed class OfflineAgentModel : IAgentModel
{
    public string Source => Frames.Sources.Offline;

    public bool StreamsText => false;

    public IChatClient CreateClient(AgentContext context, ConversationContext conversation) => new OfflineAssistant(context, conversation);

    public IList<ChatMessage> BuildMessages(AgentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [new ChatMessage(ChatRole.User, context.Text)];
    }

    public ChatOptions CreateOptions(AgentContext context) => new() { ModelId = OfflineAssistant.ModelId };
}
