using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Agent;

/// <summary>Everything one reply is about: who asks, what their tier allows, what they said and what came before.</summary>
public sealed record AgentContext
{
    public required Customer Customer { get; init; }
    public required ServiceLevel Tier { get; init; }
    public required ServiceLevelCatalog Catalog { get; init; }
    public required string ConversationId { get; init; }
    public required string Text { get; init; }
    public required RequestAnalysis Analysis { get; init; }

    /// <summary>Earlier messages of the conversation, oldest first (the new one excluded).</summary>
    public IReadOnlyList<StoredMessage> History { get; init; } = [];

    /// <summary>Puts the conversation in the support queue and returns what to tell the customer; null where no queue is wired.</summary>
    public Func<CancellationToken, Task<string>>? RequestHuman { get; init; }
}
