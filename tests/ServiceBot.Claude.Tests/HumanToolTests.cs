using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using ServiceBot.Claude.Tests.StandIn;
using ServiceBot.Server.Hosting;

namespace ServiceBot.Claude.Tests;

/// <summary>Claude's request_human tool puts the conversation in the same support queue as the handoff reader.</summary>
public sealed class HumanToolTests
{
    [Fact]
    public async Task Claude_asking_for_a_person_queues_the_conversation_and_the_customer_hears_their_place()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using MessagesApiStandIn api = await MessagesApiStandIn.StartAsync(cancellationToken: ct);
        string database = Path.Combine(Path.GetTempPath(), $"servicebot-claude-human-{Guid.NewGuid():N}.db");
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
            string authority = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Authority;
            using var john = new ClientWebSocket();
            await john.ConnectAsync(new Uri($"ws://{authority}/ws?customerId=cust_002"), ct);

            api.Enqueue(
                ScriptedReply.Tools(("request_human", new { })),
                ScriptedReply.Text("I've asked a colleague to join: you are number 1 in the queue, about 5 minutes."));
            // Not words the handoff reader knows: only the model sees that John wants someone else.
            await SendAsync(john, new { action = "sendMessage", message = "this is going nowhere, I give up on you" });
            List<JsonObject> frames = await ReceiveUntilAsync(john, "handoff");

            JsonObject message = frames.Single(f => (string?)f["type"] == "message");
            Assert.Equal("claude", (string?)message["source"]);
            JsonObject action = Assert.Single(message["actions"]!.AsArray())!.AsObject();
            Assert.Equal(("human_handoff", true), ((string?)action["action"], (bool)action["allowed"]!));
            Assert.Contains("You are number 1 in the queue", (string?)action["result"]);
            JsonObject handoff = frames[^1];
            Assert.Equal(("queued", 1), ((string?)handoff["status"], (int?)handoff["position"]));

            // What the tool answered the model is what the customer is told.
            Assert.Contains(api.Requests[^1].Messages, m => m!.ToJsonString().Contains("You are number 1 in the queue", StringComparison.Ordinal));

            using var sam = new ClientWebSocket();
            await sam.ConnectAsync(new Uri($"ws://{authority}/ws?staffId=staff_001"), ct);
            await SendAsync(sam, new { action = "getQueue" });
            JsonObject queue = (await ReceiveUntilAsync(sam, "queue"))[^1];
            JsonObject entry = Assert.Single(queue["entries"]!.AsArray())!.AsObject();
            Assert.Equal(((string?)message["conversationId"], "John Doe", "priority"), ((string?)entry["conversationId"], (string?)entry["customerName"], (string?)entry["supportPriority"]));
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

    private static async Task<List<JsonObject>> ReceiveUntilAsync(ClientWebSocket socket, string type)
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
            if ((string?)frame["type"] == type || (string?)frame["type"] == "error")
            {
                return frames;
            }
        }
    }
}
