using System.Diagnostics.Metrics;
using ServiceBot.Core.Telemetry;

namespace ServiceBot.Claude;

/// <summary>Claude's own metrics, on the project's <c>ServiceBot</c> meter name so the hosts export them with the rest.</summary>
internal static class ClaudeMetrics
{
    private static readonly Meter Meter = new(ServiceBotTelemetry.Name);

    private static readonly Counter<long> Retries =
        Meter.CreateCounter<long>("servicebot.claude.retries", "{retry}", "Messages API calls sent again, by the reason of the failed try.");

    private static readonly Counter<long> StreamsCut =
        Meter.CreateCounter<long>("servicebot.claude.streams_cut", "{stream}", "Streamed answers that stopped before message_stop, by reason.");

    public static void Retried(string reason) => Retries.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void StreamCut(string reason) => StreamsCut.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
