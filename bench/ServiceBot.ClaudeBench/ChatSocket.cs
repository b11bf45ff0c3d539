using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceBot.ClaudeBench;

/// <summary>A customer's WebSocket: sends a message and notes when the first delta and the final message arrive.</summary>
internal sealed class ChatSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[64 * 1024];

    public static async Task<ChatSocket> ConnectAsync(string authority, string customerId)
    {
        var socket = new ChatSocket();
        await socket._socket.ConnectAsync(new Uri($"ws://{authority}/ws?customerId={customerId}"), CancellationToken.None);
        return socket;
    }

    /// <summary>Sends one message; returns the timestamps of the first delta and of the message frame, and the message frame.</summary>
    public async Task<(long FirstDelta, long Message, JsonObject Frame)> AskAsync(string text, string? conversationId, CancellationToken cancellationToken)
    {
        var frame = new Dictionary<string, string?> { ["action"] = "sendMessage", ["message"] = text };
        if (conversationId is not null)
        {
            frame["conversationId"] = conversationId;
        }

        await _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(frame), WebSocketMessageType.Text, true, cancellationToken);
        long firstDelta = 0;
        while (true)
        {
            int length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
                length += result.Count;
            }
            while (!result.EndOfMessage);

            long at = Stopwatch.GetTimestamp();
            ReadOnlySpan<byte> bytes = _buffer.AsSpan(0, length);
            if (firstDelta == 0 && bytes.IndexOf("\"type\":\"delta\""u8) >= 0)
            {
                firstDelta = at;
            }
            else if (bytes.IndexOf("\"type\":\"message\""u8) >= 0)
            {
                return (firstDelta, at, JsonNode.Parse(Encoding.UTF8.GetString(bytes))!.AsObject());
            }
            else if (bytes.IndexOf("\"type\":\"error\""u8) >= 0)
            {
                throw new InvalidOperationException("The server answered an error: " + Encoding.UTF8.GetString(bytes));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The server may be going away first.
        }

        _socket.Dispose();
    }
}
