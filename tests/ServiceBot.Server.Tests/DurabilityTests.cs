using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ServiceBot.Core.Auth;

namespace ServiceBot.Server.Tests;

public sealed class DurabilityTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"servicebot-durable-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task The_conversation_and_device_state_survive_a_restart_on_the_same_file()
    {
        string conversationId;
        await using (RunningServer first = await RunningServer.StartAsync(_database))
        {
            await using BotClient john = await first.ConnectAsync("cust_002");
            Exchange exchange = await john.ChatAsync("the kitchen display is too loud, make it 20");
            conversationId = exchange.ConversationId;
            await john.ChatAsync("play some jazz in the bedroom", conversationId);
        }

        await using RunningServer second = await RunningServer.StartAsync(_database);
        await using BotClient again = await second.ConnectAsync("cust_002");
        JsonObject history = await again.HistoryAsync();
        Assert.Equal(conversationId, (string?)history["conversationId"]);
        Assert.Equal(
            ["the kitchen display is too loud, make it 20", "play some jazz in the bedroom"],
            history["messages"]!.AsArray().Where(m => (string?)m!["sender"] == "customer").Select(m => (string?)m!["text"]));
        Assert.Equal(4, history["messages"]!.AsArray().Count);

        // The seed ran again at start, and kept what the customer changed.
        Assert.Equal(20, (int)(await again.DeviceAsync("dev_003"))["volume"]!);
        Assert.Equal("jazz", (string?)(await again.DeviceAsync("dev_002"))["nowPlaying"]);
    }

    [Fact]
    public async Task Two_hundred_connections_chatting_at_once_are_all_stored_and_answered()
    {
        await using RunningServer server = await RunningServer.StartAsync(_database);
        string[] customers = ["cust_001", "cust_002", "cust_003"];
        BotClient[] clients = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => server.ConnectAsync(customers[i % 3])));
        try
        {
            Exchange[] answers = await Task.WhenAll(clients.Select((c, i) => c.ChatAsync($"is my speaker on? ({i})", clientMessageId: $"load-{i}")));

            Assert.All(answers, a => Assert.Equal("message", a.Type));
            Assert.Equal(200, answers.Select(a => a.ConversationId).Distinct().Count());
            for (int i = 0; i < 200; i++)
            {
                Assert.Equal($"load-{i}", (string?)answers[i].Final["clientMessageId"]);
            }

            using var connection = new SqliteConnection($"Data Source={_database};Pooling=False");
            connection.Open();
            using SqliteCommand count = connection.CreateCommand();
            count.CommandText = "SELECT sender, COUNT(*) FROM messages WHERE client_message_id LIKE 'load-%' GROUP BY sender ORDER BY sender;";
            using SqliteDataReader reader = count.ExecuteReader();
            var counts = new Dictionary<string, long>();
            while (reader.Read())
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }

            Assert.Equal(200, counts["customer"]);
            Assert.Equal(200, counts["bot"]);
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task The_rate_limit_answers_rate_limited_and_stores_nothing_more()
    {
        await using RunningServer server = await RunningServer.StartAsync(_database, new Dictionary<string, string?>
        {
            ["ServiceBot:RateLimit:PermitLimit"] = "3",
            ["ServiceBot:RateLimit:WindowSeconds"] = "60",
        });
        await using BotClient jane = await server.ConnectAsync("cust_001");
        string? conversation = null;
        for (int i = 0; i < 3; i++)
        {
            Exchange answered = await jane.ChatAsync($"is my speaker on? {i}", conversation);
            Assert.Equal("message", answered.Type);
            conversation = answered.ConversationId;
        }

        Exchange limited = await jane.ChatAsync("is my speaker on? again", conversation, clientMessageId: "over");
        Assert.Equal("error", limited.Type);
        Assert.Equal("rate_limited", (string?)limited.Final["code"]);
        Assert.Equal("over", (string?)limited.Final["clientMessageId"]);
        Assert.StartsWith("You're sending messages faster", limited.Text, StringComparison.Ordinal);

        // Refused before it is read, a message is still told so in its own language.
        Exchange spanish = await jane.ChatAsync("¿está encendido mi altavoz?", conversation, clientMessageId: "over-es");
        Assert.Equal("rate_limited", (string?)spanish.Final["code"]);
        Assert.StartsWith("Estás enviando mensajes más rápido", spanish.Text, StringComparison.Ordinal);
        Assert.Equal(6, (await jane.HistoryAsync())["messages"]!.AsArray().Count);

        // Another customer is not slowed by Jane.
        await using BotClient john = await server.ConnectAsync("cust_002");
        Assert.Equal("message", (await john.ChatAsync("hello")).Type);
    }

    [Fact]
    public async Task Token_sign_in_accepts_a_signed_token_and_refuses_expired_ones_and_demo_when_off()
    {
        const string key = "a-test-signing-key-that-is-long-enough-0123456789";
        await using RunningServer server = await RunningServer.StartAsync(_database, new Dictionary<string, string?>
        {
            ["ServiceBot:Auth:SigningKey"] = key,
            ["ServiceBot:Auth:DemoSignIn"] = "false",
        });
        var tokens = (TokenService)server.Services.GetService(typeof(TokenService))!;

        await using (BotClient alice = await BotClient.ConnectAsync(server.WebSocketUri("token=" + tokens.Issue("cust_003", TimeSpan.FromMinutes(5)))))
        {
            Assert.Equal("cust_003", (string?)(await alice.ProfileAsync())["customer"]!["id"]);
        }

        string expired = tokens.Issue("cust_003", TimeSpan.FromMinutes(-5));
        await Assert.ThrowsAnyAsync<WebSocketException>(() => BotClient.ConnectAsync(server.WebSocketUri("token=" + expired)));
        string unknown = tokens.Issue("cust_404", TimeSpan.FromMinutes(5));
        await Assert.ThrowsAnyAsync<WebSocketException>(() => BotClient.ConnectAsync(server.WebSocketUri("token=" + unknown)));
        await Assert.ThrowsAnyAsync<WebSocketException>(() => BotClient.ConnectAsync(server.WebSocketUri("customerId=cust_003")));

        using HttpClient http = server.Http();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/customers", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Shutdown_closes_sockets_with_1001()
    {
        RunningServer server = await RunningServer.StartAsync(_database);
        await using BotClient john = await server.ConnectAsync("cust_002");
        Assert.Equal("profile", (string?)(await john.ProfileAsync())["type"]);

        Task stopping = server.StopAsync();
        Assert.Null(await john.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, john.CloseStatus);
        await stopping;
        await server.DisposeAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_database);
    }
}
