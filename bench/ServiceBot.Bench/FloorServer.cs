using System.Net.WebSockets;
using System.Text.Json;

namespace ServiceBot.Bench;

/// <summary>
/// The floor: bare Kestrel and WebSockets that parse a frame and answer ack + message, with no storage and no logic.
/// Whatever the real server costs beyond this is ours.
/// </summary>
internal static class FloorServer
{
    public static async Task RunAsync(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/healthz", () => "ok");
        app.Map("/ws", async (HttpContext http) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                return Results.BadRequest();
            }

            using WebSocket socket = await http.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[32 * 1024];
            while (socket.State == WebSocketState.Open)
            {
                int length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                // Echoes what the real server's frames carry (the conversation, the client's key), so both are driven alike.
                using JsonDocument frame = JsonDocument.Parse(buffer.AsMemory(0, length));
                JsonElement root = frame.RootElement;
                string? text = root.GetProperty("message").GetString();
                string? cmid = root.TryGetProperty("clientMessageId", out JsonElement k) ? k.GetString() : null;
                string conversation = root.TryGetProperty("conversationId", out JsonElement c) ? c.GetString()! : "conv_" + Guid.CreateVersion7().ToString("N");
                string now = DateTimeOffset.UtcNow.ToString("O");
                byte[] ack = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?> { ["type"] = "ack", ["clientMessageId"] = cmid, ["conversationId"] = conversation, ["timestamp"] = now });
                byte[] message = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?> { ["type"] = "message", ["conversationId"] = conversation, ["message"] = text, ["timestamp"] = now, ["clientMessageId"] = cmid });
                await socket.SendAsync(ack, WebSocketMessageType.Text, true, CancellationToken.None);
                await socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
            }

            return Results.Empty;
        });
        await app.RunAsync();
    }
}
