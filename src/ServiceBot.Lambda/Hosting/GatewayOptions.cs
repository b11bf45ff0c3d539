using ServiceBot.Lambda.Events;

namespace ServiceBot.Lambda.Hosting;

/// <summary>The <c>ServiceBot:Gateway</c> section: where frames are posted.</summary>
internal sealed class GatewayOptions
{
    public const string Section = "ServiceBot:Gateway";

    /// <summary>
    /// Overrides <c>https://{domainName}/{stage}</c> from the event (<c>ServiceBot__Gateway__ManagementEndpoint</c>):
    /// a stand-in in tests and local runs.
    /// </summary>
    public string? ManagementEndpoint { get; set; }

    public Uri EndpointFor(WebSocketRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.IsNullOrEmpty(ManagementEndpoint))
        {
            return new Uri(ManagementEndpoint);
        }

        if (string.IsNullOrEmpty(context.DomainName) || string.IsNullOrEmpty(context.Stage))
        {
            throw new InvalidDataException("The WebSocket event has no requestContext.domainName or stage to post frames to.");
        }

        return new Uri($"https://{context.DomainName}/{context.Stage}");
    }
}
