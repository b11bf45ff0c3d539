using ServiceBot.Core.Conversations;
using ServiceBot.Core.Demand;

namespace ServiceBot.Core.Agent;

/// <summary>The finished reply: its text, what was tried and decided, who wrote it and what it cost.</summary>
public sealed record AgentReply(string Text, IReadOnlyList<ActionRecord> Actions, string Source, TokenUsage? Usage)
{
    /// <summary>The gate's refusals of this reply for the customer's tier, with the tier that allows each: upgrade demand.</summary>
    public IReadOnlyList<WantedUpgrade> TierRefusals { get; init; } = [];
}
