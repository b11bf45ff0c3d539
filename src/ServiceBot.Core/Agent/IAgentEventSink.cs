using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Agent;

/// <summary>The typed event stream of one reply: the host turns these into frames; the agent never touches a socket.</summary>
public interface IAgentEventSink
{
    ValueTask TextAsync(string delta, CancellationToken cancellationToken);

    ValueTask DeviceChangedAsync(Device device, CancellationToken cancellationToken);
}
