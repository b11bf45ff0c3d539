using System.Net.WebSockets;
using ServiceBot.Core.Auth;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Handlers;

namespace ServiceBot.Server.Gateway;

internal static partial class WebSocketGatewayEndpoints
{
    /// <summary><c>/ws</c>: authorize on upgrade (401 otherwise), record the connection, run its receive loop.</summary>
    public static IEndpointRouteBuilder MapWebSocketGateway(this IEndpointRouteBuilder app)
    {
        app.Map("/ws", async (HttpContext http, AuthorizeHandler authorizer, ConnectionHandler connections,
            MessageHandler messages, ConnectionRegistry registry, ILoggerFactory loggers) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                return Results.BadRequest("This is the WebSocket endpoint: connect with a WebSocket client, e.g. ws://localhost:5000/ws?customerId=cust_002.");
            }

            AuthorizeResult auth = await authorizer.AuthorizeAsync(
                new AuthorizeRequest(http.Request.Query["customerId"], http.Request.Query["token"])
                {
                    StaffId = http.Request.Query["staffId"],
                    Origin = http.Request.Headers.Origin,
                    Host = http.Request.Host.Value,
                }, http.RequestAborted);
            if (!auth.Allowed)
            {
                return Results.Unauthorized();
            }

            string connectionId = Guid.NewGuid().ToString("N");
            bool staff = auth.Role == Roles.Staff;
            await (staff
                ? connections.ConnectStaffAsync(connectionId, auth.CustomerId!, http.RequestAborted)
                : connections.ConnectAsync(connectionId, auth.CustomerId!, http.RequestAborted));
            using WebSocket socket = await http.WebSockets.AcceptWebSocketAsync();
            var client = new ClientConnection(connectionId, auth.CustomerId!) { Role = auth.Role };
            var session = new WebSocketSession(socket, client, messages, loggers.CreateLogger<WebSocketSession>());
            registry.Add(session);
            try
            {
                await session.RunAsync(http.RequestAborted);
            }
            finally
            {
                registry.Remove(connectionId);
                await (staff
                    ? connections.DisconnectStaffAsync(connectionId, CancellationToken.None)
                    : connections.DisconnectAsync(connectionId, CancellationToken.None));
            }

            return Results.Empty;
        });
        return app;
    }
}
