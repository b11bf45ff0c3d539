using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using ServiceBot.Claude.Tests.StandIn;
using ServiceBot.Core.Conversations;
using ServiceBot.Server.Hosting;

namespace ServiceBot.Claude.Tests;

/// <summary>The self-hosted server with ANTHROPIC_BASE_URL pointing at the stand-in, driven by a WebSocket client as the browser would.</summary>
public sealed class ServerEndToEndTests
{
    [Fact]
    public async Task Claude_answers_through_the_server_with_deltas_device_frames_and_a_stored_reply()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using MessagesApiStandIn api = await MessagesApiStandIn.StartAsync(cancellationToken: ct);
        string database = Path.Combine(Path.GetTempPath(), $"servicebot-claude-e2e-{Guid.NewGuid():N}.db");
        WebApplication app = ServiceBotApp.Create(
        [
            "--urls", "http://127.0.0.1:0",
            $"--ServiceBot:DatabasePath={database}",
            "--ServiceBot:RateLimit:PermitLimit=0",
            $"--ANTHROPIC_API_KEY={MessagesApiStandIn.ApiKey}",
            $"--ANTHROPIC_BASE_URL={api.BaseUrl}",
        ], b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync(ct);
        try
        {
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://{new Uri(address).Authority}/ws?customerId=cust_002"), ct);

            api.Enqueue(
                ScriptedReply.Tools("Turning the kitchen display off.", ("set_power", new { deviceId = "dev_003", power = "off" })),
                ScriptedReply.Text("Done: your kitchen display is off. Anything else I can do for you today?") with { DeltaDelay = TimeSpan.FromMilliseconds(10) });
            await SendAsync(socket, new { action = "sendMessage", message = "turn off the kitchen display", clientMessageId = "m1" });
            List<JsonObject> frames = await ReceiveUntilMessageAsync(socket);

            string[] types = frames.Select(f => (string)f["type"]!).ToArray();
            Assert.Equal("ack", types[0]);
            Assert.Equal("message", types[^1]);
            int device = Array.IndexOf(types, "device");
            Assert.True(device > 1 && types.Skip(1).Take(device - 1).All(t => t == "delta") && types.Skip(device + 1).Contains("delta"), string.Join(",", types));
            Assert.True(types.Count(t => t == "delta") < 12, "deltas are coalesced, not one per token: " + string.Join(",", types));
            Assert.Equal("off", (string?)frames[device]["device"]!["power"]);

            JsonObject message = frames[^1];
            string expected = "Turning the kitchen display off.\n\nDone: your kitchen display is off. Anything else I can do for you today?";
            Assert.Equal("claude", (string?)message["source"]);
            Assert.Equal(expected, (string?)message["message"]);
            Assert.Equal(expected, string.Concat(frames.Where(f => (string?)f["type"] == "delta").Select(f => (string?)f["text"])));
            Assert.Equal("power_change", (string?)message["requestType"]);
            Assert.True((bool)message["allowed"]!);
            JsonObject action = Assert.Single(message["actions"]!.AsArray())!.AsObject();
            Assert.Equal(("device_power", "dev_003", true), ((string?)action["action"], (string?)action["deviceId"], (bool)action["allowed"]!));

            // The stored reply is the whole answer, with what it cost.
            string conversationId = (string)message["conversationId"]!;
            IReadOnlyList<StoredMessage> stored = await app.Services.GetRequiredService<IMessageStore>().GetConversationAsync(conversationId, 10, ct);
            StoredMessage reply = stored.Single(m => m.Sender == Senders.Bot);
            Assert.Equal((expected, "claude"), (reply.Text, reply.Source));
            Assert.Equal(api.Requests.Sum(r => r.Usage!.OutputTokens), reply.Usage!.OutputTokens);
            Assert.Equal(api.Requests.Sum(r => r.Usage!.InputTokens), reply.Usage.InputTokens);
            Assert.Equal(api.Requests.Sum(r => r.Usage!.CacheReadTokens), reply.Usage.CacheReadTokens);
            Assert.Empty(api.Rejections);
        }
        finally
        {
            await app.StopAsync(ct);
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            foreach (string file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, object frame) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(frame), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    private static async Task<List<JsonObject>> ReceiveUntilMessageAsync(ClientWebSocket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var frames = new List<JsonObject>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var text = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                text.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            JsonObject frame = JsonNode.Parse(Encoding.UTF8.GetString(text.ToArray()))!.AsObject();
            frames.Add(frame);
            if ((string?)frame["type"] is "message" or "error")
            {
                return frames;
            }
        }
    }
}
