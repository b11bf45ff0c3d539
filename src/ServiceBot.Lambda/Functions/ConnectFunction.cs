using System.Text.Json;
using ServiceBot.Core.Connections;
using ServiceBot.Lambda.Events;
using ServiceBot.Lambda.Runtime;

namespace ServiceBot.Lambda.Functions;

/// <summary><c>connect</c>: <c>$connect</c> after the authorizer accepted it; records the connection (with its 24 h ttl).</summary>
internal sealed class ConnectFunction(ConnectionHandler connections) : ILambdaFunction
{
    public async Task<byte[]> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        WebSocketEvent message = EventReader.Read(invocation.Payload, LambdaJson.Default.WebSocketEvent);
        WebSocketRequestContext? context = message.RequestContext;
        string? customerId = context?.AuthorizerValue(AuthorizerResponse.CustomerIdKey) ?? context?.AuthorizerValue("principalId");
        if (context?.ConnectionId is not { Length: > 0 } connectionId || string.IsNullOrEmpty(customerId))
        {
            // Only reachable if the route lost its authorizer: refuse rather than record an anonymous connection.
            return Answer(new WebSocketResponse(401));
        }

        await (context.AuthorizerValue(AuthorizerResponse.RoleKey) == Core.Auth.Roles.Staff
            ? connections.ConnectStaffAsync(connectionId, customerId, cancellationToken)
            : connections.ConnectAsync(connectionId, customerId, cancellationToken)).ConfigureAwait(false);
        return Answer(WebSocketResponse.Ok);
    }

    internal static byte[] Answer(WebSocketResponse response) => JsonSerializer.SerializeToUtf8Bytes(response, LambdaJson.Default.WebSocketResponse);
}
