using ServiceBot.Core.Connections;
using ServiceBot.Lambda.Events;
using ServiceBot.Lambda.Runtime;

namespace ServiceBot.Lambda.Functions;

/// <summary><c>disconnect</c>: <c>$disconnect</c> removes the connection's row (best effort on AWS's side: the ttl catches the rest).</summary>
internal sealed class DisconnectFunction(ConnectionHandler connections) : ILambdaFunction
{
    public async Task<byte[]> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        WebSocketEvent message = EventReader.Read(invocation.Payload, LambdaJson.Default.WebSocketEvent);
        if (message.RequestContext?.ConnectionId is { Length: > 0 } connectionId)
        {
            await (message.RequestContext.AuthorizerValue(AuthorizerResponse.RoleKey) == Core.Auth.Roles.Staff
                ? connections.DisconnectStaffAsync(connectionId, cancellationToken)
                : connections.DisconnectAsync(connectionId, cancellationToken)).ConfigureAwait(false);
        }

        return ConnectFunction.Answer(WebSocketResponse.Ok);
    }
}
