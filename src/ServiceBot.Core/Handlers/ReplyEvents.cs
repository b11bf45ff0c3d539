using ServiceBot.Core.Agent;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Frames;

namespace ServiceBot.Core.Handlers;

/// <summary>Turns the agent's events into delta and device frames on the customer's connection.</summary>
internal sealed class ReplyEvents(FrameSender sender, string connectionId, string conversationId) : IAgentEventSink
{
    private bool _gone;

    public async ValueTask TextAsync(string delta, CancellationToken cancellationToken)
    {
        if (!_gone)
        {
            _gone = !await sender.SendAsync(connectionId, new DeltaFrame(conversationId, delta), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DeviceChangedAsync(Device device, CancellationToken cancellationToken)
    {
        if (!_gone)
        {
            _gone = !await sender.SendAsync(connectionId, new DeviceFrame(device), cancellationToken).ConfigureAwait(false);
        }
    }
}
