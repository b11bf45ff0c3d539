using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceBot.Server.Tests;

/// <summary>A real WebSocket client speaking docs/protocol.md, as any outside client would.</summary>
public sealed class BotClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ClientWebSocket _socket;

    private BotClient(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static Task<BotClient> ConnectAsync(Uri uri) => ConnectAsync(new ClientWebSocket(), uri);

    /// <summary>Connects a socket whose options (headers such as Origin) the caller has set.</summary>
    public static async Task<BotClient> ConnectAsync(ClientWebSocket socket, Uri uri)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(uri, timeout.Token);
        return new BotClient(socket);
    }

    public Task SendAsync(object frame) => SendTextAsync(JsonSerializer.Serialize(frame));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    public async Task SendBinaryAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, timeout.Token);
    }

    /// <summary>The next frame, or null when the server closed the socket.</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                // Answer the close as a browser does, so the server can finish its side.
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }

    /// <summary>Frames up to and including the first of one of <paramref name="types"/>.</summary>
    public async Task<List<JsonObject>> ReceiveUntilAsync(params string[] types)
    {
        var frames = new List<JsonObject>();
        while (true)
        {
            JsonObject frame = await ReceiveAsync() ?? throw new InvalidOperationException("The server closed the socket; frames so far: " + string.Join(", ", frames.Select(f => f["type"])));
            frames.Add(frame);
            if (types.Contains((string?)frame["type"]))
            {
                return frames;
            }
        }
    }

    /// <summary>Sends a message and returns every frame of the answer, through the final message (or error).</summary>
    public async Task<Exchange> ChatAsync(string text, string? conversationId = null, string? clientMessageId = null)
    {
        var frame = new Dictionary<string, object?> { ["action"] = "sendMessage", ["message"] = text };
        if (conversationId is not null)
        {
            frame["conversationId"] = conversationId;
        }

        if (clientMessageId is not null)
        {
            frame["clientMessageId"] = clientMessageId;
        }

        await SendAsync(frame);
        return new Exchange(await ReceiveUntilAsync("message", "error"));
    }

    public async Task<JsonObject> ProfileAsync()
    {
        await SendAsync(new { action = "getProfile" });
        return (await ReceiveUntilAsync("profile", "error"))[^1];
    }

    public async Task<JsonObject> HistoryAsync(string? conversationId = null)
    {
        await SendAsync(conversationId is null ? new { action = "getHistory" } : (object)new { action = "getHistory", conversationId });
        return (await ReceiveUntilAsync("history", "error"))[^1];
    }

    public async Task<JsonObject> DeviceAsync(string deviceId)
    {
        JsonObject profile = await ProfileAsync();
        return profile["customer"]!["devices"]!.AsArray().Select(d => d!.AsObject()).Single(d => (string?)d["id"] == deviceId);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Already going away.
            }
        }

        _socket.Dispose();
    }
}

/// <summary>The frames of one sendMessage exchange.</summary>
public sealed record Exchange(List<JsonObject> Frames)
{
    public JsonObject Final => Frames[^1];

    public string Type => (string)Final["type"]!;

    public string Text => (string?)Final["message"] ?? "";

    public string ConversationId => (string)Final["conversationId"]!;

    public JsonObject? Ack => Frames.FirstOrDefault(f => (string?)f["type"] == "ack");

    public IEnumerable<JsonObject> Devices => Frames.Where(f => (string?)f["type"] == "device").Select(f => f["device"]!.AsObject());

    public string Deltas => string.Concat(Frames.Where(f => (string?)f["type"] == "delta").Select(f => (string?)f["text"]));

    public IReadOnlyList<JsonObject> Actions => Final["actions"]?.AsArray().Select(a => a!.AsObject()).ToArray() ?? [];

    public IEnumerable<JsonObject> Executed => Actions.Where(a => (bool)a["allowed"]!);

    public IEnumerable<JsonObject> Refused => Actions.Where(a => !(bool)a["allowed"]!);
}
