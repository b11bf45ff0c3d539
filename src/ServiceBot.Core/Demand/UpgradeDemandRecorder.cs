using Microsoft.Extensions.Logging;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Telemetry;

namespace ServiceBot.Core.Demand;

/// <summary>
/// Counts a stored reply's upgrade demand: the one hook in the message path (ChatHandler, after the reply is stored, so a
/// replayed clientMessageId, which is answered from the stored reply, never counts again).
/// </summary>
public sealed partial class UpgradeDemandRecorder(IUpgradeDemandStore store, ILogger<UpgradeDemandRecorder> logger)
{
    public async Task RecordAsync(AgentContext context, AgentReply reply, DateTimeOffset answeredAt, CancellationToken cancellationToken)
    {
        IReadOnlyList<UpgradeDemand> demand = UpgradeDemandReader.Read(context, reply, answeredAt);
        if (demand.Count == 0)
        {
            return;
        }

        try
        {
            await store.RecordAsync(demand, cancellationToken).ConfigureAwait(false);
            foreach (UpgradeDemand item in demand)
            {
                ServiceBotTelemetry.UpgradeDemandCounted(item.Kind, item.Action, item.FromTier, item.ToTier);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The counters are analytics: the customer's message and reply are stored already, and their answer must not
            // fail because a counter could not be written.
            LogRecordFailed(logger, ex, context.Customer.Id, demand.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count {Count} upgrade demand items for {CustomerId}")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string customerId, int count);
}
