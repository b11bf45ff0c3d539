using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Scheduling;
using ServiceBot.Lambda.Aws;
using ServiceBot.Lambda.Hosting;
using ServiceBot.Lambda.Runtime;
using ServiceBot.Lambda.Tests.StandIns;
using ServiceBot.Sqlite;

namespace ServiceBot.Lambda.Tests;

/// <summary>
/// The schedule function composed as in Lambda, on a SQLite file in this process, with the clock in the test's hands:
/// a timer set through the message function fires when the schedule function runs after its time.
/// </summary>
public sealed class ScheduleFunctionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AwsStandIn _aws = null!;
    private SqliteFunctions _functions = null!;

    public async ValueTask InitializeAsync()
    {
        _aws = await AwsStandIn.StartAsync();
        _functions = await SqliteFunctions.StartAsync(_aws, time: _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _functions.DisposeAsync();
        await _aws.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private T Service<T>(string handler) where T : notnull => _functions.Services(handler).GetRequiredService<T>();

    [Fact]
    public async Task A_timer_set_in_chat_fires_when_the_schedule_function_runs_after_its_time()
    {
        await _functions.InvokeAsync(FunctionNames.Connect, EventJson.Connect("sched-1", "cust_002"));
        await _functions.InvokeAsync(FunctionNames.Message, EventJson.Message("sched-1", "cust_002",
            """{"action":"sendMessage","message":"turn off the bedroom speaker in 30 minutes","clientMessageId":"t-1"}"""));
        JsonElement set = _aws.PostsTo("sched-1")[^1].Frame;
        string conversationId = set.GetProperty("conversationId").GetString()!;
        Assert.Contains("Timer set", set.GetProperty("message").GetString(), StringComparison.Ordinal);

        JsonElement early = Json(await _functions.InvokeAsync(FunctionNames.Schedule, EventJson.Example("eventbridge-scheduled.json")));
        int postsBefore = _aws.PostsTo("sched-1").Count;
        _time.Advance(TimeSpan.FromMinutes(31));
        JsonElement due = Json(await _functions.InvokeAsync(FunctionNames.Schedule, EventJson.Example("eventbridge-scheduled.json")));

        Assert.Equal(0, early.GetProperty("jobsHandled").GetInt32());
        Assert.Equal(1, due.GetProperty("jobsHandled").GetInt32());
        Post[] fired = [.. _aws.PostsTo("sched-1").Skip(postsBefore)];
        Assert.Equal(["device", "message"], FrameTypes.Of(fired));
        Assert.Equal(("dev_002", "off"), (fired[0].Frame.GetProperty("device").GetProperty("id").GetString(), fired[0].Frame.GetProperty("device").GetProperty("power").GetString()));
        JsonElement message = fired[1].Frame;
        Assert.Equal("Timer: Turned off the bedroom speaker.", message.GetProperty("message").GetString());
        Assert.Equal(conversationId, message.GetProperty("conversationId").GetString());
        Assert.Equal("timer", message.GetProperty("requestType").GetString());

        // Read through the schedule function's store: the SQLite store keeps a per-process cache, as one server would.
        Customer john = (await Service<ICustomerStore>(FunctionNames.Schedule).GetAsync("cust_002", Ct))!;
        Assert.Equal("off", john.FindDevice("dev_002")!.Power);
        StoredMessage stored = (await Service<IMessageStore>(FunctionNames.Schedule).GetConversationAsync(conversationId, 10, Ct))[^1];
        Assert.Equal((Senders.Bot, "Timer: Turned off the bedroom speaker."), (stored.Sender, stored.Text));
        Assert.Empty(await Service<IScheduledJobStore>(FunctionNames.Schedule).ListPendingAsync("cust_002", Ct));
    }

    [Fact]
    public async Task A_timer_that_fires_while_the_customer_is_away_is_kept_in_the_conversation_and_the_gone_connection_is_forgotten()
    {
        await _functions.InvokeAsync(FunctionNames.Connect, EventJson.Connect("sched-2", "cust_001"));
        await _functions.InvokeAsync(FunctionNames.Message, EventJson.Message("sched-2", "cust_001",
            """{"action":"sendMessage","message":"turn off my living room speaker in 10 minutes"}"""));
        string conversationId = _aws.PostsTo("sched-2")[^1].Frame.GetProperty("conversationId").GetString()!;
        _aws.MarkGone("sched-2");
        _time.Advance(TimeSpan.FromMinutes(11));

        JsonElement due = Json(await _functions.InvokeAsync(FunctionNames.Schedule, EventJson.Example("eventbridge-scheduled.json")));

        Assert.Equal(1, due.GetProperty("jobsHandled").GetInt32());
        Assert.Null(await Service<IConnectionStore>(FunctionNames.Schedule).GetAsync("sched-2", _time.GetUtcNow(), Ct));
        StoredMessage stored = (await Service<IMessageStore>(FunctionNames.Schedule).GetConversationAsync(conversationId, 10, Ct))[^1];
        Assert.Equal(Senders.Bot, stored.Sender);
        Assert.StartsWith("Timer: Turned off", stored.Text, StringComparison.Ordinal);
        Assert.Equal("off", (await Service<ICustomerStore>(FunctionNames.Schedule).GetAsync("cust_001", Ct))!.FindDevice("dev_001")!.Power);
    }

    [Theory]
    [InlineData("""{"detail-type":"Object Created","source":"aws.s3","detail":{}}""")]
    [InlineData("""{"action":"sendMessage"}""")]
    public async Task An_event_that_is_not_a_scheduled_event_is_refused_and_runs_nothing(string json)
    {
        await _functions.InvokeAsync(FunctionNames.Connect, EventJson.Connect("sched-3", "cust_003"));
        await _functions.InvokeAsync(FunctionNames.Message, EventJson.Message("sched-3", "cust_003",
            """{"action":"sendMessage","message":"turn off the office speaker in 5 minutes"}"""));
        int posts = _aws.PostsTo("sched-3").Count;
        _time.Advance(TimeSpan.FromMinutes(6));

        InvalidDataException refused = await Assert.ThrowsAsync<InvalidDataException>(() => _functions.InvokeAsync(FunctionNames.Schedule, json));

        Assert.Contains("Scheduled Event", refused.Message, StringComparison.Ordinal);
        Assert.Equal(posts, _aws.PostsTo("sched-3").Count);
        Assert.Single(await Service<IScheduledJobStore>(FunctionNames.Schedule).ListPendingAsync("cust_003", Ct));
        Assert.Equal("on", (await Service<ICustomerStore>(FunctionNames.Schedule).GetAsync("cust_003", Ct))!.FindDevice("dev_004")!.Power);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a url")]
    public async Task Without_a_management_endpoint_the_schedule_function_does_not_start_and_names_the_setting(string? endpoint)
    {
        IConfiguration config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ServiceBot:Gateway:ManagementEndpoint"] = endpoint })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddServiceBotSqlite();
        services.AddLambdaFunction(config, FunctionNames.Schedule, new AwsSettings("us-east-1", new Uri("http://127.0.0.1:9/")), new HttpClient(), new FixedCredentials());
        await using ServiceProvider provider = services.BuildServiceProvider();

        InvalidOperationException failed = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ILambdaFunction>());

        Assert.Contains("ServiceBot__Gateway__ManagementEndpoint", failed.Message, StringComparison.Ordinal);
    }

    private static JsonElement Json(byte[] bytes) => JsonDocument.Parse(bytes).RootElement;
}
