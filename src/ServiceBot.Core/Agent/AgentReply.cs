using ServiceBot.Core.Conversations;

namespace ServiceBot.Core.Agent;

/// <summary>The finished reply: its text, what was tried and decided, who wrote it and what it cost.</summary>
public sealed record AgentReply(string Text, IReadOnlyList<ActionRecord> Actions, string Source, TokenUsage? Usage);
