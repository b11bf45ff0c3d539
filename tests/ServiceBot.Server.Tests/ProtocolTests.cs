using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace ServiceBot.Server.Tests;

/// <summary>docs/protocol.md's rules for connecting, bad frames, retries and history.</summary>
public sealed class ProtocolTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public static TheoryData<string, string> BadFrames => new()
    {
        { "", "bad_request" },
        { "not json at all", "bad_request" },
        { "[1,2,3]", "bad_request" },
        { "\"just a string\"", "bad_request" },
        { "{}", "bad_request" },
        { "{\"message\":\"no action\"}", "bad_request" },
        { "{\"action\":\"deleteEverything\"}", "unknown_action" },
        { "{\"action\":\"sendMessage\"}", "bad_request" },
        { "{\"action\":\"sendMessage\",\"message\":\"   \"}", "bad_request" },
        { "{\"action\":\"sendMessage\",\"message\":42}", "bad_request" },
        { "{\"action\":\"sendMessage\",\"message\":\"" + new string('a', 4001) + "\"}", "bad_request" },
        { "{\"action\":\"sendMessage\",\"message\":\"hi\",\"clientMessageId\":\"" + new string('k', 65) + "\"}", "bad_request" },
        { "{\"action\":\"sendMessage\",\"message\":\"hi\",\"conversationId\":\"../../etc\"}", "bad_request" },
        { "{\"action\":\"sendMessage\",\"message\":\"" + new string('a', 33 * 1024) + "\"}", "too_large" },
    };

    [Theory]
    [MemberData(nameof(BadFrames))]
    public async Task A_bad_frame_gets_an_error_and_changes_nothing(string frame, string code)
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");
        JsonObject before = await john.ProfileAsync();
        JsonObject historyBefore = await john.HistoryAsync();

        await john.SendTextAsync(frame);
        JsonObject error = (await john.ReceiveAsync())!;

        Assert.Equal("error", (string?)error["type"]);
        Assert.Equal(code, (string?)error["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        Assert.Equal(WebSocketState.Open, john.State);
        Assert.Equal(before.ToJsonString(), (await john.ProfileAsync()).ToJsonString());
        Assert.Equal(historyBefore.ToJsonString(), (await john.HistoryAsync()).ToJsonString());
    }

    [Fact]
    public async Task A_binary_frame_is_refused()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");
        await john.SendBinaryAsync([1, 2, 3]);
        JsonObject error = (await john.ReceiveAsync())!;
        Assert.Equal("bad_request", (string?)error["code"]);
        Assert.Equal("profile", (string?)(await john.ProfileAsync())["type"]);
    }

    [Theory]
    [InlineData("customerId=cust_999")]
    [InlineData("customerId=")]
    [InlineData("")]
    [InlineData("token=not-a-token")]
    public async Task An_unknown_customer_or_bad_credentials_get_401(string query)
    {
        var error = await Assert.ThrowsAnyAsync<WebSocketException>(() => BotClient.ConnectAsync(_server.WebSocketUri(query)));
        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task A_retry_with_a_known_clientMessageId_runs_nothing_again()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");
        Exchange first = await john.ChatAsync("turn the bedroom speaker up by 10", clientMessageId: "retry-1");
        int after = (int)(await john.DeviceAsync("dev_002"))["volume"]!;

        Exchange retry = await john.ChatAsync("turn the bedroom speaker up by 10", clientMessageId: "retry-1");

        Assert.Equal(first.Text, retry.Text);
        Assert.Equal(first.ConversationId, retry.ConversationId);
        Assert.Equal((string?)first.Final["timestamp"], (string?)retry.Final["timestamp"]);
        Assert.Empty(retry.Devices);
        Assert.Equal(after, (int)(await john.DeviceAsync("dev_002"))["volume"]!);
        JsonObject history = await john.HistoryAsync(first.ConversationId);
        Assert.Equal(2, history["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_ack_comes_first_and_the_message_is_stored_before_the_reply()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");
        Exchange exchange = await john.ChatAsync("is the kitchen display on?", clientMessageId: "order-1");
        Assert.Equal("ack", (string?)exchange.Frames[0]["type"]);
        Assert.Equal("order-1", (string?)exchange.Ack!["clientMessageId"]);
        Assert.Equal("order-1", (string?)exchange.Final["clientMessageId"]);
        Assert.Equal("offline", (string?)exchange.Final["source"]);

        JsonObject history = await john.HistoryAsync();
        var messages = history["messages"]!.AsArray();
        Assert.Equal(exchange.ConversationId, (string?)history["conversationId"]);
        Assert.Equal(["customer", "bot"], messages.Select(m => (string?)m!["sender"]));
        Assert.Equal("is the kitchen display on?", (string?)messages[0]!["text"]);
        Assert.Equal("device_status", (string?)messages[0]!["requestType"]);
    }

    [Fact]
    public async Task Someone_elses_conversation_is_neither_readable_nor_writable()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");
        Exchange johns = await john.ChatAsync("hello");

        await using BotClient jane = await _server.ConnectAsync("cust_001");
        Assert.Empty((await jane.HistoryAsync(johns.ConversationId))["messages"]!.AsArray());
        Exchange intrusion = await jane.ChatAsync("hello", johns.ConversationId);
        Assert.Equal("error", intrusion.Type);
        Assert.Equal(2, (await john.HistoryAsync(johns.ConversationId))["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task Http_routes_answer()
    {
        using HttpClient http = _server.Http();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode);
        JsonArray customers = JsonNode.Parse(await http.GetStringAsync("/api/customers", TestContext.Current.CancellationToken))!.AsArray();
        Assert.Equal(["cust_001", "cust_002", "cust_003"], customers.Select(c => (string?)c!["id"]));
        Assert.Equal("premium", (string?)customers[1]!["serviceLevel"]);
        JsonArray levels = JsonNode.Parse(await http.GetStringAsync("/api/service-levels", TestContext.Current.CancellationToken))!.AsArray();
        Assert.Equal(["basic", "premium", "enterprise"], levels.Select(l => (string?)l!["level"]));
        Assert.Equal(10, (int)levels[2]!["maxDevices"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/ws", TestContext.Current.CancellationToken)).StatusCode);
    }
}
