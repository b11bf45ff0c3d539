using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Auth;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Handlers;
using ServiceBot.Lambda.Events;
using ServiceBot.Lambda.Gateway;
using ServiceBot.Lambda.Hosting;
using ServiceBot.Lambda.Runtime;

namespace ServiceBot.Lambda.Functions;

/// <summary>
/// <c>message</c>: every frame a connected client sends (sendMessage, getProfile, getHistory, $default). The core
/// reads and answers it; its frames are posted back through the <c>@connections</c> API.
/// </summary>
internal sealed partial class MessageFunction(
    MessageHandler messages,
    GatewayChannel channel,
    IConnectionStore connections,
    IOptions<GatewayOptions> gateway,
    TimeProvider time,
    ILogger<MessageFunction> logger) : ILambdaFunction
{
    public async Task<byte[]> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        WebSocketEvent message = EventReader.Read(invocation.Payload, LambdaJson.Default.WebSocketEvent);
        WebSocketRequestContext context = message.RequestContext
            ?? throw new InvalidDataException("The WebSocket event has no requestContext.");
        string connectionId = context.ConnectionId is { Length: > 0 } id
            ? id
            : throw new InvalidDataException("The WebSocket event has no requestContext.connectionId.");

        // The customer is the one the authorizer accepted at $connect, never an id inside the frame.
        string? customerId = context.AuthorizerValue(AuthorizerResponse.CustomerIdKey);
        string role = context.AuthorizerValue(AuthorizerResponse.RoleKey) ?? Roles.Customer;
        if (string.IsNullOrEmpty(customerId))
        {
            // Without the authorizer's context the row names whom; only a customer is assumed, never staff.
            Connection? row = await connections.GetAsync(connectionId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            customerId = row?.UserId;
            role = Roles.Customer;
        }

        if (string.IsNullOrEmpty(customerId))
        {
            LogUnknownConnection(logger, connectionId);
            return ConnectFunction.Answer(new WebSocketResponse(403));
        }

        byte[] frame = message.Body is null ? []
            : message.IsBase64Encoded ? Convert.FromBase64String(message.Body)
            : Encoding.UTF8.GetBytes(message.Body);

        GatewayChannel.GatewaySession session = channel.Open(gateway.Value.EndpointFor(context));
        await messages.HandleAsync(new ClientConnection(connectionId, customerId) { Role = role }, frame, cancellationToken).ConfigureAwait(false);
        if (!await session.FlushAsync(connectionId, CancellationToken.None).ConfigureAwait(false))
        {
            // The client left while the last words were waiting: forget the connection like the core does.
            await connections.RemoveAsync(connectionId, CancellationToken.None).ConfigureAwait(false);
        }

        return ConnectFunction.Answer(WebSocketResponse.Ok);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A frame arrived on {ConnectionId}, which has no authorized customer; ignored")]
    private static partial void LogUnknownConnection(ILogger logger, string connectionId);
}
