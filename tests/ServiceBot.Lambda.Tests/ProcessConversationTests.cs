using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Claude.Tests.StandIn;
using ServiceBot.Core;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Scheduling;
using ServiceBot.DynamoDb;
using ServiceBot.Lambda.Hosting;
using ServiceBot.Lambda.Tests.StandIns;
using ServiceBot.Testing;

namespace ServiceBot.Lambda.Tests;

/// <summary>
/// The functions for real: each one a separate process of the built package, served by our Runtime API emulator,
/// on DynamoDB Local, posting frames to a stand-in of the @connections API, answering a stand-in ResponseURL.
/// Started once; the seed custom resource runs first, as on a deploy.
/// </summary>
public sealed class LambdaProcesses : IAsyncLifetime
{
    private static readonly string[] Handlers = [FunctionNames.Seed, FunctionNames.Authorize, FunctionNames.Connect, FunctionNames.Disconnect, FunctionNames.Message, FunctionNames.Http, FunctionNames.Schedule];
    private readonly Dictionary<string, RuntimeApiEmulator> _runtimes = new();
    private readonly List<FunctionProcess> _processes = [];
    private ServiceProvider _store = null!;

    public DynamoDbLocal DynamoDb { get; private set; } = null!;

    public AwsStandIn Aws { get; private set; } = null!;

    /// <summary>Anthropic's Messages API, as the message function's Claude; it answers anything not scripted with a short text.</summary>
    public MessagesApiStandIn Claude { get; private set; } = null!;

    public const string AnthropicSecret = "servicebot/test/anthropic-api-key";

    public DynamoDbTables Tables { get; private set; } = null!;

    public InvocationResult SeedCreate { get; private set; } = null!;

    public CloudFormationAnswer SeedAnswer { get; private set; } = null!;

    public IConnectionStore Connections => _store.GetRequiredService<IConnectionStore>();

    public IMessageStore Messages => _store.GetRequiredService<IMessageStore>();

    public ICustomerStore Customers => _store.GetRequiredService<ICustomerStore>();

    public IScheduledJobStore Jobs => _store.GetRequiredService<IScheduledJobStore>();

    public IAmazonDynamoDB Client => _store.GetRequiredService<IAmazonDynamoDB>();

    public async ValueTask InitializeAsync()
    {
        Task<DynamoDbLocal> dynamo = DynamoDbLocal.StartAsync();
        Aws = await AwsStandIn.StartAsync();
        Aws.PutSecret(AnthropicSecret, MessagesApiStandIn.ApiKey);
        Claude = await MessagesApiStandIn.StartAsync();
        Claude.Responder = _ => ScriptedReply.Text("Happy to help with that.");
        foreach (string handler in Handlers)
        {
            _runtimes[handler] = await RuntimeApiEmulator.StartAsync();
        }

        DynamoDb = await dynamo;
        Tables = DynamoDbTables.FromPrefix(DynamoDbLocal.NewTablePrefix("lambda"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IAmazonDynamoDB>(DynamoDb.CreateClient());
        services.AddServiceBotDynamoDb(o => o.Tables = Tables);
        _store = services.BuildServiceProvider();
        // On AWS the CDK app creates the tables; here the store's own initializer does, with the same keys and indexes.
        await _store.GetRequiredService<IStoreInitializer>().InitializeAsync(CancellationToken.None);

        var environment = new Dictionary<string, string>(DynamoDb.EnvironmentVariables)
        {
            ["AWS_SESSION_TOKEN"] = "local-session",
            ["MESSAGES_TABLE"] = Tables.Messages,
            ["CUSTOMERS_TABLE"] = Tables.Customers,
            ["SERVICE_LEVELS_TABLE"] = Tables.ServiceLevels,
            ["CONNECTIONS_TABLE"] = Tables.Connections,
            ["GUARDS_TABLE"] = Tables.Guards,
            ["SCHEDULE_TABLE"] = Tables.Schedule,
            ["UPGRADE_DEMAND_TABLE"] = Tables.UpgradeDemand,
            ["SUPPORT_TABLE"] = Tables.Support,
            ["ServiceBot__Gateway__ManagementEndpoint"] = Aws.ManagementEndpoint.ToString(),
            ["ServiceBot__RateLimit__PermitLimit"] = "0",
            ["ServiceBot__Auth__DemoSignIn"] = "true",
            // Timers of seconds, so a test need not wait the production minimum of a minute.
            ["ServiceBot__Scheduling__MinimumDelaySeconds"] = "1",
        };
        foreach (string handler in Handlers)
        {
            var own = new Dictionary<string, string>(environment);
            if (handler == FunctionNames.Message)
            {
                // As the CDK app does it: the secret's name, never its value; the function reads it at start.
                own["ANTHROPIC_API_KEY_SECRET"] = AnthropicSecret;
                own["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = Aws.SecretsManagerEndpoint.ToString();
                own["ANTHROPIC_BASE_URL"] = Claude.BaseUrl.ToString();
            }

            _processes.Add(FunctionProcess.Start(handler, _runtimes[handler], own));
        }

        SeedCreate = await Invoke(FunctionNames.Seed, EventJson.CustomResource("Create", Aws.ResponseUrl("create")));
        SeedAnswer = Aws.Answer("create") ?? throw new InvalidOperationException("The seed never answered CloudFormation. " + Diagnostics());
    }

    public async Task<InvocationResult> Invoke(string handler, string json)
    {
        try
        {
            return await _runtimes[handler].InvokeAsync(json, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{handler} did not answer. {Diagnostics()}", ex);
        }
    }

    public string Diagnostics() => string.Join(Environment.NewLine, _processes.Select(p => $"--- {p}:{Environment.NewLine}{p.Output}"));

    /// <summary>What one function has written to its log (standard output and error) so far.</summary>
    public string OutputOf(string handler) => _processes.Single(p => p.Handler == handler).Output;

    public async ValueTask DisposeAsync()
    {
        foreach (FunctionProcess process in _processes)
        {
            await process.DisposeAsync();
        }

        foreach (RuntimeApiEmulator runtime in _runtimes.Values)
        {
            await runtime.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (Aws is not null)
        {
            await Aws.DisposeAsync();
        }

        if (Claude is not null)
        {
            await Claude.DisposeAsync();
        }

        if (DynamoDb is not null)
        {
            await DynamoDb.DisposeAsync();
        }
    }
}

public sealed class ProcessConversationTests(LambdaProcesses lambda) : IClassFixture<LambdaProcesses>
{
    [Fact]
    public async Task The_seed_custom_resource_answers_CloudFormation_and_an_update_changes_nothing()
    {
        InvocationResult update = await lambda.Invoke(FunctionNames.Seed, EventJson.CustomResource("Update", lambda.Aws.ResponseUrl("update"), "servicebot-seed"));

        Assert.False(lambda.SeedCreate.IsError, lambda.SeedCreate.Text);
        Assert.Equal("SUCCESS", lambda.SeedAnswer.Json.GetProperty("Status").GetString());
        Assert.Equal("3", lambda.SeedAnswer.Json.GetProperty("Data").GetProperty("CustomersAdded").GetString());
        Assert.False(update.IsError, update.Text);
        Assert.Equal("0", lambda.Aws.Answer("update")!.Json.GetProperty("Data").GetProperty("CustomersAdded").GetString());
    }

    [Fact]
    public async Task The_authorizer_allows_a_known_customer_and_refuses_others_with_Unauthorized()
    {
        InvocationResult allowed = await lambda.Invoke(FunctionNames.Authorize, EventJson.Authorizer("""{"customerId":"cust_003"}"""));
        InvocationResult refused = await lambda.Invoke(FunctionNames.Authorize, EventJson.Authorizer("""{"customerId":"cust_404"}"""));

        Assert.False(allowed.IsError, allowed.Text);
        JsonElement policy = JsonDocument.Parse(allowed.Body).RootElement;
        Assert.Equal("cust_003", policy.GetProperty("principalId").GetString());
        Assert.Equal("Allow", policy.GetProperty("policyDocument").GetProperty("Statement")[0].GetProperty("Effect").GetString());
        Assert.True(refused.IsError);
        Assert.Equal("Unauthorized", JsonDocument.Parse(refused.Body).RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task A_customer_connects_chats_reads_the_history_and_disconnects()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DateTimeOffset before = DateTimeOffset.UtcNow;

        InvocationResult connected = await lambda.Invoke(FunctionNames.Connect, EventJson.Connect("conv-conn", "cust_002"));
        Dictionary<string, AttributeValue> row = (await lambda.Client.GetItemAsync(lambda.Tables.Connections,
            new Dictionary<string, AttributeValue> { ["connectionId"] = new("conv-conn") }, ct)).Item;

        InvocationResult sent = await lambda.Invoke(FunctionNames.Message, EventJson.Message("conv-conn", "cust_002",
            """{"action":"sendMessage","message":"play some jazz on the bedroom speaker","clientMessageId":"jazz-1"}"""));
        Post reply = await lambda.Aws.WaitForPostAsync(p => p.ConnectionId == "conv-conn" && p.Type == "message");
        string conversationId = reply.Frame.GetProperty("conversationId").GetString()!;
        IReadOnlyList<StoredMessage> stored = await lambda.Messages.GetConversationAsync(conversationId, 10, ct);

        InvocationResult history = await lambda.Invoke(FunctionNames.Message, EventJson.Message("conv-conn", "cust_002",
            $$"""{"action":"getHistory","conversationId":"{{conversationId}}"}""", "getHistory"));
        Post historyFrame = await lambda.Aws.WaitForPostAsync(p => p.ConnectionId == "conv-conn" && p.Type == "history");

        InvocationResult disconnected = await lambda.Invoke(FunctionNames.Disconnect, EventJson.Disconnect("conv-conn"));

        Assert.Equal(200, StatusCode(connected));
        Assert.Equal("cust_002", row["userId"].S);
        long ttl = long.Parse(row["ttl"].N, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ttl, (before + TimeSpan.FromHours(24)).ToUnixTimeSeconds() - 1, (DateTimeOffset.UtcNow + TimeSpan.FromHours(24)).ToUnixTimeSeconds());

        Assert.Equal(200, StatusCode(sent));
        string[] types = FrameTypes.Of(lambda.Aws.PostsTo("conv-conn").TakeWhile(p => p.Type != "history"));
        Assert.Equal("ack", types[0]);
        Assert.Equal("message", types[^1]);
        Assert.Equal("play_music", reply.Frame.GetProperty("requestType").GetString());
        Assert.True(reply.Frame.GetProperty("allowed").GetBoolean());
        Assert.Equal(["customer", "bot"], stored.Select(m => m.Sender));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=local/", reply.Authorization);
        Assert.Equal("local-session", reply.SecurityToken);

        Assert.Equal(200, StatusCode(history));
        Assert.Equal(2, historyFrame.Frame.GetProperty("messages").GetArrayLength());
        Assert.Equal(200, StatusCode(disconnected));
        Assert.Null(await lambda.Connections.GetAsync("conv-conn", DateTimeOffset.UtcNow, ct));
    }

    [Fact]
    public async Task Claude_answers_with_the_key_the_function_read_from_its_secret_and_the_gate_runs_its_tools()
    {
        lambda.Claude.Enqueue(
            ScriptedReply.Tools("Turning it down.", ("set_volume", new { deviceId = "dev_003", volume = 15 })),
            ScriptedReply.Text("Your kitchen display is at 15 now."));

        InvocationResult sent = await lambda.Invoke(FunctionNames.Message, EventJson.Message("claude-conn", "cust_002",
            """{"action":"sendMessage","message":"the kitchen display is too loud, make it 15","clientMessageId":"loud-1"}"""));
        Post reply = await lambda.Aws.WaitForPostAsync(p => p.ConnectionId == "claude-conn" && p.Type == "message");

        Assert.Equal(200, StatusCode(sent));
        Assert.True(reply.Frame.GetProperty("source").GetString() == "claude", "The offline assistant answered: " + lambda.Diagnostics());
        Assert.EndsWith("Your kitchen display is at 15 now.", reply.Frame.GetProperty("message").GetString(), StringComparison.Ordinal);
        Post device = Assert.Single(lambda.Aws.PostsTo("claude-conn"), p => p.Type == "device");
        Assert.Equal(15, device.Frame.GetProperty("device").GetProperty("volume").GetInt32());
        Assert.Empty(lambda.Claude.Rejections);
        // The key came from Secrets Manager, by a signed GetSecretValue.
        Assert.Contains(lambda.Aws.SecretReads, a => a.Contains("/secretsmanager/aws4_request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_Claude_refuses_a_request_the_customer_gets_the_offline_answer_and_the_log_says_why()
    {
        lambda.Claude.Enqueue(ScriptedReply.Error(400, "invalid_request_error", "messages.0.content: text blocks must be non-empty"));

        InvocationResult sent = await lambda.Invoke(FunctionNames.Message, EventJson.Message("refused-conn", "cust_002",
            """{"action":"sendMessage","message":"is the kitchen display on?","clientMessageId":"refused-1"}"""));
        Post reply = await lambda.Aws.WaitForPostAsync(p => p.ConnectionId == "refused-conn" && p.Type == "message");

        Assert.Equal(200, StatusCode(sent));
        Assert.Equal("offline", reply.Frame.GetProperty("source").GetString());
        Assert.Contains("Kitchen Display", reply.Frame.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        // An operator reading the log sees the API's own answer (the SDK reads the error's type from its JSON).
        string log = lambda.OutputOf(FunctionNames.Message);
        Assert.Contains("AnthropicBadRequestException", log, StringComparison.Ordinal);
        Assert.Contains("text blocks must be non-empty", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_http_function_gives_the_web_front_end_the_seeded_customers_and_tiers()
    {
        InvocationResult customers = await lambda.Invoke(FunctionNames.Http, EventJson.Example("http-api-get.json"));
        InvocationResult levels = await lambda.Invoke(FunctionNames.Http,
            EventJson.Example("http-api-get.json").Replace("/api/customers", "/api/service-levels", StringComparison.Ordinal));

        Assert.Equal(200, StatusCode(customers));
        Assert.Equal(["cust_001", "cust_002", "cust_003"], Body(customers).EnumerateArray().Select(c => c.GetProperty("id").GetString()).Order());
        Assert.Equal(200, StatusCode(levels));
        Assert.Equal(["basic", "enterprise", "premium"], Body(levels).EnumerateArray().Select(l => l.GetProperty("level").GetString()).Order());
    }

    [Fact]
    public async Task A_post_answered_410_Gone_removes_the_connection_row()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await lambda.Invoke(FunctionNames.Connect, EventJson.Connect("gone-conn", "cust_001"));
        Assert.NotNull(await lambda.Connections.GetAsync("gone-conn", DateTimeOffset.UtcNow, ct));
        lambda.Aws.MarkGone("gone-conn");

        InvocationResult answered = await lambda.Invoke(FunctionNames.Message, EventJson.Message("gone-conn", "cust_001",
            """{"action":"sendMessage","message":"is my living room speaker on?"}"""));

        Assert.Equal(200, StatusCode(answered));
        Assert.Null(await lambda.Connections.GetAsync("gone-conn", DateTimeOffset.UtcNow, ct));
        Assert.Empty(lambda.Aws.PostsTo("gone-conn"));
    }

    [Fact]
    public async Task The_message_function_shares_its_guards_with_other_instances_through_the_guards_table()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        // This test process plays another instance that is still answering the same frame.
        var elsewhere = new DynamoDbRequestLocks(lambda.Client, lambda.Tables, TimeProvider.System);
        IAsyncDisposable held = await elsewhere.AcquireAsync("cust_003\nshared-1", ct);

        Task<InvocationResult> sending = lambda.Invoke(FunctionNames.Message, EventJson.Message("guard-conn", "cust_003",
            """{"action":"sendMessage","message":"is my office speaker on?","clientMessageId":"shared-1"}"""));
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        Assert.Empty(lambda.Aws.PostsTo("guard-conn"));

        await held.DisposeAsync();
        Assert.Equal(200, StatusCode(await sending));
        await lambda.Aws.WaitForPostAsync(p => p.ConnectionId == "guard-conn" && p.Type == "message");
        Assert.Equal(200, StatusCode(await lambda.Invoke(FunctionNames.Message, EventJson.Message("guard-conn", "cust_003",
            """{"action":"getProfile"}""", "getProfile"))));
        await lambda.Aws.WaitForPostAsync(p => p.ConnectionId == "guard-conn" && p.Type == "profile");

        // Reads were counted in the shared table; messages have no limit here (PermitLimit 0), so no row; the lock is gone.
        string[] rows = [.. (await lambda.Client.ScanAsync(new ScanRequest { TableName = lambda.Tables.Guards }, ct)).Items
            .Select(i => i["key"].S).Where(k => k.Contains("cust_003", StringComparison.Ordinal))];
        Assert.Contains(rows, k => k.StartsWith("rate#cust_003#Reads#", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, k => k.StartsWith("rate#cust_003#Messages#", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, k => k.StartsWith("lock#", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_timer_set_in_chat_fires_when_EventBridge_invokes_the_schedule_function_and_reaches_the_customer()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await lambda.Invoke(FunctionNames.Connect, EventJson.Connect("timer-conn", "cust_001"));
        // Claude sets the timer through the gate: nine seconds ahead, so the schedule function's first run finds it not yet due.
        lambda.Claude.Enqueue(
            ScriptedReply.Tools(("set_timer", new { tool = "set_power", deviceId = "dev_001", power = "off", delayMinutes = 0.15 })),
            ScriptedReply.Text("I'll turn it off shortly."));
        await lambda.Invoke(FunctionNames.Message, EventJson.Message("timer-conn", "cust_001",
            """{"action":"sendMessage","message":"turn off my living room speaker in 9 seconds","clientMessageId":"timer-1"}"""));
        string conversationId = (await lambda.Aws.WaitForPostAsync(p => p.ConnectionId == "timer-conn" && p.Type == "message"))
            .Frame.GetProperty("conversationId").GetString()!;
        ScheduledJob job = Assert.Single(await lambda.Jobs.ListPendingAsync("cust_001", ct));

        InvocationResult early = await lambda.Invoke(FunctionNames.Schedule, EventJson.Example("eventbridge-scheduled.json"));
        int postsBefore = lambda.Aws.PostsTo("timer-conn").Count;
        Assert.Equal(0, JsonDocument.Parse(early.Body).RootElement.GetProperty("jobsHandled").GetInt32());
        Assert.Single(await lambda.Jobs.ListPendingAsync("cust_001", ct));

        TimeSpan untilDue = job.DueAt - DateTimeOffset.UtcNow;
        await Task.Delay(untilDue > TimeSpan.Zero ? untilDue + TimeSpan.FromMilliseconds(200) : TimeSpan.Zero, ct);
        InvocationResult due = await lambda.Invoke(FunctionNames.Schedule, EventJson.Example("eventbridge-scheduled.json"));
        InvocationResult again = await lambda.Invoke(FunctionNames.Schedule, EventJson.Example("eventbridge-scheduled.json"));

        Assert.False(due.IsError, due.Text + lambda.OutputOf(FunctionNames.Schedule));
        Assert.Equal(1, JsonDocument.Parse(due.Body).RootElement.GetProperty("jobsHandled").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(again.Body).RootElement.GetProperty("jobsHandled").GetInt32());
        Post[] fired = [.. lambda.Aws.PostsTo("timer-conn").Skip(postsBefore)];
        Assert.Equal(["device", "message"], FrameTypes.Of(fired));
        Assert.Equal("off", fired[0].Frame.GetProperty("device").GetProperty("power").GetString());
        Assert.Equal("Timer: Turned off the living room speaker.", fired[1].Frame.GetProperty("message").GetString());
        Assert.Equal(conversationId, fired[1].Frame.GetProperty("conversationId").GetString());
        // Signed with the function's own credentials, to the stage named in its configuration.
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=local/", fired[1].Authorization);
        Assert.Equal("test", fired[1].Stage);

        Assert.Equal("off", (await lambda.Customers.GetAsync("cust_001", ct))!.FindDevice("dev_001")!.Power);
        StoredMessage told = (await lambda.Messages.GetConversationAsync(conversationId, 10, ct))[^1];
        Assert.Equal((Senders.Bot, "timer"), (told.Sender, told.RequestType));
        Assert.Empty(await lambda.Jobs.ListPendingAsync("cust_001", ct));
    }

    /// <summary>The JSON an HTTP API proxy response carries as its string <c>body</c>.</summary>
    private static JsonElement Body(InvocationResult result) =>
        JsonDocument.Parse(JsonDocument.Parse(result.Body).RootElement.GetProperty("body").GetString()!).RootElement;

    private static int StatusCode(InvocationResult result)
    {
        Assert.False(result.IsError, result.Text);
        return JsonDocument.Parse(result.Body).RootElement.GetProperty("statusCode").GetInt32();
    }
}
