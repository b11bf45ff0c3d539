using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ServiceBot.Core.Telemetry;

/// <summary>The project's ActivitySource and Meter, both named <c>ServiceBot</c>; hosts export them through OpenTelemetry when configured.</summary>
public static class ServiceBotTelemetry
{
    public const string Name = "ServiceBot";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Messages =
        Meter.CreateCounter<long>("servicebot.messages", "{message}", "Customer messages received, by request type and tier.");

    private static readonly Counter<long> ActionsExecuted =
        Meter.CreateCounter<long>("servicebot.actions.executed", "{action}", "Device actions the gate allowed and that ran.");

    private static readonly Counter<long> ActionsRefused =
        Meter.CreateCounter<long>("servicebot.actions.refused", "{action}", "Device actions the gate refused, by action, tier and reason.");

    private static readonly Counter<long> UpgradeDemand =
        Meter.CreateCounter<long>("servicebot.upgrade_demand", "{request}", "Upgrade demand counted: tier refusals and plan questions, by kind, action and tiers.");

    private static readonly Histogram<double> AgentLatency =
        Meter.CreateHistogram<double>("servicebot.agent.duration", "ms", "Time from a stored customer message to the stored reply.");

    private static readonly Counter<long> Tokens =
        Meter.CreateCounter<long>("servicebot.model.tokens", "{token}", "Model tokens by kind (input, output, cache_read, cache_write).");

    public static void MessageReceived(string? requestType, string tier) =>
        Messages.Add(1, new("request_type", requestType ?? "none"), new("tier", tier));

    public static void ActionDecided(string action, string tier, bool executed, string? reason = null)
    {
        if (executed)
        {
            ActionsExecuted.Add(1, new("action", action), new("tier", tier));
        }
        else
        {
            ActionsRefused.Add(1, new("action", action), new("tier", tier), new("reason", reason ?? "unknown"));
        }
    }

    public static void UpgradeDemandCounted(string kind, string? action, string fromTier, string toTier) =>
        UpgradeDemand.Add(1, new("kind", kind), new("action", action ?? "none"), new("tier", fromTier), new("upgrade_to", toTier));

    public static void AgentCompleted(TimeSpan elapsed, string source) =>
        AgentLatency.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("source", source));

    public static void TokensUsed(string kind, long count)
    {
        if (count > 0)
        {
            Tokens.Add(count, new KeyValuePair<string, object?>("kind", kind));
        }
    }
}
