using System.Diagnostics.Metrics;
using ServiceBot.Core.Telemetry;

namespace ServiceBot.Core.Agent;

/// <summary>Agent metrics beyond <see cref="ServiceBotTelemetry"/>, on the same <c>ServiceBot</c> meter name.</summary>
internal static class AgentMetrics
{
    private static readonly Meter Meter = new(ServiceBotTelemetry.Name);

    private static readonly Counter<long> Fallbacks =
        Meter.CreateCounter<long>("servicebot.agent.fallbacks", "{reply}", "Replies the offline assistant wrote because the configured model failed, by model and reason.");

    public static void FallbackUsed(string source, string reason) =>
        Fallbacks.Add(1, new("source", source), new("reason", reason));
}
