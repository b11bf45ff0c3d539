using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ServiceBot.Core.Auth;

namespace ServiceBot.Server.Tests;

/// <summary>
/// Human handoff over real WebSockets: customers ask for a person and hear their place; support consoles see the queue
/// in priority order, take a conversation (one wins a race), reply under their name, hand back and close.
/// </summary>
public sealed class HandoffTests : IAsyncLifetime
{
    private const string SigningKey = "a-test-signing-key-that-is-long-enough-0123456789";
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_customer_who_asks_for_a_person_is_told_their_place_and_expected_wait()
    {
        await using BotClient jane = await _server.ConnectAsync("cust_001");

        Exchange asked = await jane.ChatAsync("can I talk to a human please");

        Assert.Equal("human_handoff", (string?)asked.Final["requestType"]);
        Assert.Empty((JsonArray)asked.Final["requiredActions"]!);
        Assert.Contains("You are number 1 in the queue; the expected wait is about 5 minutes", asked.Text);
        JsonObject handoff = (await jane.ReceiveAsync())!;
        Assert.Equal("handoff", (string?)handoff["type"]);
        Assert.Equal(("queued", 1, 5), ((string?)handoff["status"], (int?)handoff["position"], (int?)handoff["expectedWaitMinutes"]));
        Assert.Equal(asked.ConversationId, (string?)handoff["conversationId"]);

        // Asking again keeps the one place in the queue.
        Exchange again = await jane.ChatAsync("agent please", asked.ConversationId);
        Assert.Contains("number 1 in the queue", again.Text);
        await using BotClient sam = await StaffAsync("staff_001");
        JsonObject queue = await QueueAsync("staff_001");
        Assert.Single(Entries(queue));
    }

    [Fact]
    public async Task A_customer_who_comes_back_to_the_conversation_is_told_where_it_stands()
    {
        string conversation;
        await using (BotClient jane = await _server.ConnectAsync("cust_001"))
        {
            conversation = await AskForPersonAsync(jane, "agent please");
        }

        await using BotClient again = await _server.ConnectAsync("cust_001");
        JsonObject history = await again.HistoryAsync(conversation);
        JsonObject standing = (await again.ReceiveAsync())!;

        Assert.Equal(2, history["messages"]!.AsArray().Count);
        Assert.Equal(("handoff", "queued", 1), ((string?)standing["type"], (string?)standing["status"], (int?)standing["position"]));

        // Taken while Jane is on her new connection: she hears it there, because she wrote from it since.
        await again.ChatAsync("are you there?", conversation);
        await using BotClient sam = await StaffAsync("staff_001");
        await TakeAsync(sam, conversation);
        Assert.Equal("Sam Rivera", (string?)(await NextAsync(again, "handoff", h => (string?)h["status"] == "assigned"))["agentName"]);
    }

    [Fact]
    public async Task The_queue_is_ordered_by_support_priority_then_by_waiting_time()
    {
        await using BotClient sam = await StaffAsync("staff_001");
        Assert.Empty(Entries(await QueueAsync("staff_001")));

        await using BotClient jane = await _server.ConnectAsync("cust_001");
        await using BotClient john = await _server.ConnectAsync("cust_002");
        await using BotClient alice = await _server.ConnectAsync("cust_003");
        string janeFirst = await AskForPersonAsync(jane, "I want a real person");
        string johnConversation = await AskForPersonAsync(john, "representative");
        JsonObject aliceHandoff = await HandoffAfterAskingAsync(alice, "can i speak to someone");

        // Alice (enterprise, dedicated) jumped ahead of those who asked before her, and they were told.
        Assert.Equal(1, (int?)aliceHandoff["position"]);
        Assert.Equal((2, 10), await PlaceAsync(john, johnConversation, 2));
        Assert.Equal((3, 15), await PlaceAsync(jane, janeFirst, 3));
        string janeSecond = await AskForPersonAsync(jane, "talk to a human");
        JsonObject queue = await QueueAsync("staff_001");
        JsonObject[] entries = Entries(queue);
        Assert.Equal(
            [((string)aliceHandoff["conversationId"]!, "dedicated", 1), (johnConversation, "priority", 2), (janeFirst, "standard", 3), (janeSecond, "standard", 4)],
            entries.Select(e => ((string)e["conversationId"]!, (string)e["supportPriority"]!, (int)e["position"]!)));
        Assert.Equal(["Alice Johnson", "John Doe", "Jane Smith", "Jane Smith"], entries.Select(e => (string)e["customerName"]!));
        Assert.Equal(["enterprise", "premium", "basic", "basic"], entries.Select(e => (string)e["tier"]!));
        Assert.All(entries, e => Assert.True((int)e["waitedSeconds"]! >= 0));
        Assert.Equal(1, (int)queue["staffOnline"]!);
        Assert.Equal("Sam Rivera", (string?)queue["staff"]!["name"]);
        // One staff member online: each place adds the average handling time.
        Assert.Equal([5, 10, 15, 20], entries.Select(e => (int)e["expectedWaitMinutes"]!));
    }

    [Fact]
    public async Task Two_staff_members_taking_one_conversation_at_once_never_both_get_it()
    {
        await using BotClient jane = await _server.ConnectAsync("cust_001");
        string conversation = await AskForPersonAsync(jane, "agent please");
        await using BotClient sam = await StaffAsync("staff_001");
        await using BotClient priya = await StaffAsync("staff_002");

        var take = new { action = "takeConversation", conversationId = conversation };
        await Task.WhenAll(sam.SendAsync(take), priya.SendAsync(take));
        JsonObject samAnswer = await NextAsync(sam, "transcript", "error");
        JsonObject priyaAnswer = await NextAsync(priya, "transcript", "error");

        JsonObject[] answers = [samAnswer, priyaAnswer];
        JsonObject won = Assert.Single(answers, a => (string?)a["type"] == "transcript");
        JsonObject lost = Assert.Single(answers, a => (string?)a["type"] == "error");
        string winner = won == samAnswer ? "Sam Rivera" : "Priya Patel";
        Assert.Equal("conflict", (string?)lost["code"]);
        Assert.Contains($"{winner} is already handling", (string?)lost["message"]);
        Assert.Equal(("assigned", winner), ((string?)won["entry"]!["status"], (string?)won["entry"]!["staffName"]));
        Assert.Contains(won["messages"]!.AsArray(), m => (string?)m!["text"] == "agent please");

        JsonObject assigned = await NextAsync(jane, "handoff");
        Assert.Equal(("assigned", winner), ((string?)assigned["status"], (string?)assigned["agentName"]));
    }

    [Fact]
    public async Task While_a_person_holds_it_the_customer_is_stored_and_forwarded_not_answered_by_the_bot()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");
        string conversation = await AskForPersonAsync(john, "I need to speak to a person about my bill");
        await using BotClient sam = await StaffAsync("staff_001");
        await TakeAsync(sam, conversation);
        await NextAsync(john, "handoff");

        await john.SendAsync(new { action = "sendMessage", message = "turn off the bedroom speaker", conversationId = conversation, clientMessageId = "k1" });
        JsonObject ack = await NextAsync(john, "ack");
        JsonObject forwarded = await NextAsync(sam, "customerMessage");
        Assert.Equal(("turn off the bedroom speaker", "customer"), ((string?)forwarded["message"]!["text"], (string?)forwarded["message"]!["sender"]));
        Assert.Equal(conversation, (string?)forwarded["conversationId"]);

        await sam.SendAsync(new { action = "sendAgentMessage", conversationId = conversation, message = "Hi John, Sam here. Let me look at your bill.", clientMessageId = "s1" });
        JsonObject staffAck = await NextAsync(sam, "ack");
        Assert.Equal("s1", (string?)staffAck["clientMessageId"]);

        // The next thing John sees is Sam's words, not the bot's: the bot stayed silent.
        JsonObject reply = (await john.ReceiveAsync())!;
        Assert.Equal(("message", "agent", "Sam Rivera"), ((string?)reply["type"], (string?)reply["source"], (string?)reply["agentName"]));
        Assert.Equal("Hi John, Sam here. Let me look at your bill.", (string?)reply["message"]);
        Assert.Equal("on", (string?)(await john.DeviceAsync("dev_002"))["power"]);

        // A retried frame is acknowledged again and not forwarded twice; a retried staff reply is not sent twice.
        await john.SendAsync(new { action = "sendMessage", message = "turn off the bedroom speaker", conversationId = conversation, clientMessageId = "k1" });
        Assert.Equal((string?)ack["timestamp"], (string?)(await NextAsync(john, "ack"))["timestamp"]);
        await sam.SendAsync(new { action = "sendAgentMessage", conversationId = conversation, message = "Hi John, Sam here. Let me look at your bill.", clientMessageId = "s1" });
        Assert.Equal((string?)staffAck["timestamp"], (string?)(await NextAsync(sam, "ack"))["timestamp"]);

        JsonObject history = await john.HistoryAsync(conversation);
        JsonObject[] messages = history["messages"]!.AsArray().Select(m => m!.AsObject()).ToArray();
        Assert.Equal(["customer", "bot", "customer", "agent"], messages.Select(m => (string)m["sender"]!));
        Assert.Equal("Sam Rivera", (string?)messages[^1]["agentName"]);
    }

    [Fact]
    public async Task Handed_back_the_bot_answers_again_and_closed_it_leaves_the_queue()
    {
        await using BotClient john = await _server.ConnectAsync("cust_002");
        string conversation = await AskForPersonAsync(john, "talk to a human");
        await using BotClient sam = await StaffAsync("staff_001");
        await TakeAsync(sam, conversation);
        await NextAsync(john, "handoff");

        await sam.SendAsync(new { action = "handBack", conversationId = conversation });
        JsonObject returned = await NextAsync(john, "handoff");
        Assert.Equal(("returned", "Sam Rivera"), ((string?)returned["status"], (string?)returned["agentName"]));
        Assert.Empty(Entries(await NextAsync(sam, "queue", q => Entries(q).Length == 0)));

        Exchange bot = await john.ChatAsync("set the bedroom speaker to 20", conversation);
        Assert.Equal(("message", "offline"), (bot.Type, (string?)bot.Final["source"]));
        Assert.Equal(20, (int)(await john.DeviceAsync("dev_002"))["volume"]!);

        // Handed back, it is no longer Sam's to answer.
        await sam.SendAsync(new { action = "sendAgentMessage", conversationId = conversation, message = "still there?" });
        Assert.Equal("conflict", (string?)(await NextAsync(sam, "error"))["code"]);

        // Asked again, it queues again; closed, it is gone and the customer is told.
        await AskForPersonAsync(john, "agent please", conversation);
        await TakeAsync(sam, conversation);
        await sam.SendAsync(new { action = "closeConversation", conversationId = conversation });
        Assert.Equal("closed", (string?)(await NextAsync(john, "handoff", s => (string?)s["status"] == "closed"))["status"]);
        Assert.Empty(Entries(await QueueAsync("staff_001")));
        int before = (await john.HistoryAsync(conversation))["messages"]!.AsArray().Count;
        await sam.SendAsync(new { action = "sendAgentMessage", conversationId = conversation, message = "one more thing" });
        JsonObject refused = await NextAsync(sam, "error");
        Assert.Equal("conflict", (string?)refused["code"]);
        Assert.Equal(before, (await john.HistoryAsync(conversation))["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task Staff_frames_that_do_not_fit_the_conversation_get_clear_errors_and_change_nothing()
    {
        await using BotClient jane = await _server.ConnectAsync("cust_001");
        string conversation = await AskForPersonAsync(jane, "agent please");
        await using BotClient sam = await StaffAsync("staff_001");
        await using BotClient priya = await StaffAsync("staff_002");

        await sam.SendAsync(new { action = "takeConversation", conversationId = "conv_nobody_asked" });
        Assert.Equal("not_found", (string?)(await NextAsync(sam, "error"))["code"]);
        await sam.SendAsync(new { action = "getTranscript", conversationId = "conv_nobody_asked" });
        Assert.Equal("not_found", (string?)(await NextAsync(sam, "error"))["code"]);
        await sam.SendAsync(new { action = "sendAgentMessage", conversationId = conversation, message = "hello" });
        JsonObject notTaken = await NextAsync(sam, "error");
        Assert.Equal("conflict", (string?)notTaken["code"]);
        Assert.Contains("take it first", (string?)notTaken["message"]);
        await sam.SendAsync(new { action = "takeConversation" });
        Assert.Equal("bad_request", (string?)(await NextAsync(sam, "error"))["code"]);

        await TakeAsync(sam, conversation);
        await priya.SendAsync(new { action = "sendAgentMessage", conversationId = conversation, message = "I'll take over" });
        Assert.Equal("conflict", (string?)(await NextAsync(priya, "error"))["code"]);
        await priya.SendAsync(new { action = "handBack", conversationId = conversation });
        Assert.Equal("conflict", (string?)(await NextAsync(priya, "error"))["code"]);

        JsonObject entry = Assert.Single(Entries(await QueueAsync("staff_002")));
        Assert.Equal(("assigned", "staff_001"), ((string?)entry["status"], (string?)entry["staffId"]));
        Assert.Equal(["customer", "bot"], (await jane.HistoryAsync(conversation))["messages"]!.AsArray().Select(m => (string)m!["sender"]!));
    }

    [Fact]
    public async Task Customers_and_staff_each_keep_to_their_own_frames()
    {
        await using BotClient jane = await _server.ConnectAsync("cust_001");
        await jane.SendAsync(new { action = "getQueue" });
        JsonObject refused = (await jane.ReceiveAsync())!;
        Assert.Equal(("error", "unauthorized"), ((string?)refused["type"], (string?)refused["code"]));
        await jane.SendAsync(new { action = "takeConversation", conversationId = "conv_x" });
        Assert.Equal("unauthorized", (string?)(await jane.ReceiveAsync())!["code"]);

        await using BotClient sam = await StaffAsync("staff_001");
        await sam.SendAsync(new { action = "sendMessage", message = "turn off the living room speaker" });
        JsonObject notCustomer = await NextAsync(sam, "error");
        Assert.Equal("unauthorized", (string?)notCustomer["code"]);
        await sam.SendAsync(new { action = "getProfile" });
        Assert.Equal("unauthorized", (string?)(await NextAsync(sam, "error"))["code"]);

        // A staff id is no customer, a customer id no staff member, and unknown ids get nowhere.
        await AssertRefusedAsync(_server.WebSocketUri("customerId=staff_001"));
        await AssertRefusedAsync(_server.WebSocketUri("staffId=cust_001"));
        await AssertRefusedAsync(_server.WebSocketUri("staffId=staff_999"));
    }

    [Fact]
    public async Task Staff_sign_in_by_token_needs_the_staff_role_and_demo_staff_sign_in_follows_the_demo_setting()
    {
        await using RunningServer keyed = await RunningServer.StartAsync(settings: new Dictionary<string, string?> { ["ServiceBot:Auth:SigningKey"] = SigningKey });
        var tokens = (TokenService)keyed.Services.GetService(typeof(TokenService))!;

        await AssertRefusedAsync(keyed.WebSocketUri("staffId=staff_001"));
        await AssertRefusedAsync(keyed.WebSocketUri("token=" + tokens.Issue("staff_001", TimeSpan.FromMinutes(5))));
        await AssertRefusedAsync(keyed.WebSocketUri("token=" + tokens.Issue("cust_002", TimeSpan.FromMinutes(5), Roles.Staff)));

        // The CLI prints a staff token with --staff.
        using var printed = new StringWriter();
        Assert.Equal(0, Hosting.TokenCommand.Run(["token", "staff_001", "--staff", "--ServiceBot:Auth:SigningKey=" + SigningKey], printed, TextWriter.Null));
        await using BotClient sam = await BotClient.ConnectAsync(keyed.WebSocketUri("token=" + printed.ToString().Trim()));
        await sam.SendAsync(new { action = "getQueue" });
        Assert.Equal("queue", (string?)(await NextAsync(sam, "queue"))["type"]);
    }

    private async Task<BotClient> StaffAsync(string staffId) => await BotClient.ConnectAsync(_server.WebSocketUri($"staffId={staffId}"));

    private static async Task<string> AskForPersonAsync(BotClient customer, string text, string? conversationId = null) =>
        (string)(await HandoffAfterAskingAsync(customer, text, conversationId))["conversationId"]!;

    private static async Task<JsonObject> HandoffAfterAskingAsync(BotClient customer, string text, string? conversationId = null)
    {
        Exchange asked = await customer.ChatAsync(text, conversationId);
        Assert.Equal("human_handoff", (string?)asked.Final["requestType"]);
        return await NextAsync(customer, "handoff");
    }

    private static async Task TakeAsync(BotClient staff, string conversationId)
    {
        await staff.SendAsync(new { action = "takeConversation", conversationId });
        JsonObject answer = await NextAsync(staff, "transcript", "error");
        Assert.Equal("transcript", (string?)answer["type"]);
    }

    /// <summary>The queue as a console of this staff member asks for it now (a fresh console: an open one also gets pushes).</summary>
    private async Task<JsonObject> QueueAsync(string staffId)
    {
        await using BotClient console = await StaffAsync(staffId);
        await console.SendAsync(new { action = "getQueue" });
        return await NextAsync(console, "queue");
    }

    /// <summary>The place and wait of the handoff frame that told this customer they are now at <paramref name="position"/>.</summary>
    private static async Task<(int, int)> PlaceAsync(BotClient customer, string conversationId, int position)
    {
        JsonObject told = await NextAsync(customer, "handoff", h => (string?)h["conversationId"] == conversationId && (int?)h["position"] == position);
        return ((int)told["position"]!, (int)told["expectedWaitMinutes"]!);
    }

    private static JsonObject[] Entries(JsonObject queue) => queue["entries"]!.AsArray().Select(e => e!.AsObject()).ToArray();

    /// <summary>The next frame of one of these types, passing over the pushes a console or a waiting customer also gets.</summary>
    private static Task<JsonObject> NextAsync(BotClient client, params string[] types) => NextAsync(client, types, null);

    private static Task<JsonObject> NextAsync(BotClient client, string type, Func<JsonObject, bool> match) => NextAsync(client, [type], match);

    private static async Task<JsonObject> NextAsync(BotClient client, string[] types, Func<JsonObject, bool>? match)
    {
        while (true)
        {
            JsonObject frame = await client.ReceiveAsync() ?? throw new InvalidOperationException("The server closed the socket.");
            if (types.Contains((string?)frame["type"]) && (match is null || match(frame)))
            {
                return frame;
            }
        }
    }

    private static async Task AssertRefusedAsync(Uri uri)
    {
        var error = await Assert.ThrowsAnyAsync<WebSocketException>(() => BotClient.ConnectAsync(uri));
        Assert.Contains("401", error.Message);
    }
}
