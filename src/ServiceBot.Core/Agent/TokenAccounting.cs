using Microsoft.Extensions.AI;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Telemetry;

namespace ServiceBot.Core.Agent;

/// <summary>Turns a model's usage report into what we store and count.</summary>
internal static class TokenAccounting
{
    public static TokenUsage? From(UsageDetails? usage)
    {
        if (usage is null)
        {
            return null;
        }

        long cacheRead = usage.CachedInputTokenCount ?? Extra(usage, "CacheReadInputTokens");
        long cacheWrite = Extra(usage, "CacheCreationInputTokens");
        // Microsoft.Extensions.AI counts cached tokens inside the input count; we store the uncached part, as Anthropic
        // bills it, so input + cache reads + cache writes is the whole prompt and each is priced on its own.
        long input = Math.Max(0, (usage.InputTokenCount ?? 0) - cacheRead - cacheWrite);
        var result = new TokenUsage(input, usage.OutputTokenCount ?? 0, cacheRead, cacheWrite);
        ServiceBotTelemetry.TokensUsed("input", result.InputTokens);
        ServiceBotTelemetry.TokensUsed("output", result.OutputTokens);
        ServiceBotTelemetry.TokensUsed("cache_read", result.CacheReadTokens);
        ServiceBotTelemetry.TokensUsed("cache_write", result.CacheWriteTokens);
        return result;
    }

    private static long Extra(UsageDetails usage, string key) =>
        usage.AdditionalCounts is { } counts && counts.TryGetValue(key, out long value) ? value : 0;
}
