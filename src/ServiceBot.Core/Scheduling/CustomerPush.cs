using ServiceBot.Core.Agent;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Handlers;

namespace ServiceBot.Core.Scheduling;

/// <summary>
/// Frames for a customer no frame asked for (a timer that fired): sent to each of their open connections; a connection
/// found gone is forgotten, as for any send. A customer with none open reads it in the history later.
/// </summary>
public sealed class CustomerPush(IConnectionStore connections, FrameSender sender, TimeProvider time)
{
    public async Task SendAsync(string customerId, ServerFrame frame, CancellationToken cancellationToken)
    {
        IReadOnlyList<Connection> open = await connections.ListByUserAsync(customerId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        foreach (Connection connection in open)
        {
            await sender.SendAsync(connection.ConnectionId, frame, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The device changes of a job's run, pushed as they happen; a job writes no streamed text.</summary>
    internal IAgentEventSink EventsFor(string customerId) => new PushEvents(this, customerId);

    private sealed class PushEvents(CustomerPush push, string customerId) : IAgentEventSink
    {
        public ValueTask TextAsync(string delta, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public async ValueTask DeviceChangedAsync(Device device, CancellationToken cancellationToken) =>
            await push.SendAsync(customerId, new DeviceFrame(device), cancellationToken).ConfigureAwait(false);
    }
}
