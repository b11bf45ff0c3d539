using ServiceBot.Lambda.Events;

namespace ServiceBot.Lambda.Hosting;

/// <summary>The <c>ServiceBot:Gateway</c> section: where frames are posted.</summary>
internal sealed class GatewayOptions
{
    public const string Section = "ServiceBot:Gateway";

    /// <summary>
    /// Overrides <c>https://{domainName}/{stage}</c> from the event (<c>ServiceBot__Gateway__ManagementEndpoint</c>):
    /// a stand-in in tests and local runs. The schedule function has no WebSocket event, so this is its only endpoint:
    /// the CDK app sets it to the stage's callback URL.
    /// </summary>
    public string? ManagementEndpoint { get; set; }

    /// <summary>
    /// The endpoint of a function that posts frames no event asked for (the schedule function's timers): a scheduled
    /// event names no API, so the endpoint must be configured. Throws, saying so, when it is not.
    /// </summary>
    public Uri ConfiguredEndpoint()
    {
        if (string.IsNullOrWhiteSpace(ManagementEndpoint))
        {
            throw new InvalidOperationException(
                "ServiceBot__Gateway__ManagementEndpoint is not set: the schedule function posts frames to the WebSocket API's "
                + "@connections endpoint (https://{api-id}.execute-api.{region}.amazonaws.com/{stage}) and a scheduled event does not name it.");
        }

        if (!Uri.TryCreate(ManagementEndpoint, UriKind.Absolute, out Uri? endpoint) || endpoint.Scheme is not ("https" or "http"))
        {
            throw new InvalidOperationException($"ServiceBot__Gateway__ManagementEndpoint is \"{ManagementEndpoint}\", not an https:// URL of the WebSocket stage's @connections endpoint.");
        }

        return endpoint;
    }

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
