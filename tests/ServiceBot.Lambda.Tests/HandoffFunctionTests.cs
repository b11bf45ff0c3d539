using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceBot.Core.Support;
using ServiceBot.Lambda.Hosting;
using ServiceBot.Lambda.Tests.StandIns;

namespace ServiceBot.Lambda.Tests;

/// <summary>The human handoff through the Lambda functions: staff sign-in, the console's routes, pushes to other connections.</summary>
public sealed class HandoffFunctionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AwsStandIn _aws = null!;
    private SqliteFunctions _functions = null!;

    public async ValueTask InitializeAsync()
    {
        _aws = await AwsStandIn.StartAsync();
        _functions = await SqliteFunctions.StartAsync(_aws, new Dictionary<string, string?> { ["ServiceBot:Auth:DemoSignIn"] = "true" }, _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _functions.DisposeAsync();
        await _aws.DisposeAsync();
    }

    [Fact]
    public async Task A_staff_member_signs_in_takes_a_queued_conversation_and_the_customer_sees_their_reply()
    {
        JsonElement policy = JsonDocument.Parse(await _functions.InvokeAsync(FunctionNames.Authorize, EventJson.Authorizer("""{"staffId":"staff_001"}"""))).RootElement;
        Assert.Equal(("staff_001", "staff"), (policy.GetProperty("principalId").GetString(), policy.GetProperty("context").GetProperty("role").GetString()));

        await _functions.InvokeAsync(FunctionNames.Connect, EventJson.Connect("console-1", "staff_001", "staff"));
        await _functions.InvokeAsync(FunctionNames.Connect, EventJson.Connect("jane-1", "cust_001"));
        await _functions.InvokeAsync(FunctionNames.Message, EventJson.Message("jane-1", "cust_001", """{"action":"sendMessage","message":"can I talk to a human"}"""));

        Assert.Equal(["ack", "message", "handoff"], FrameTypes.Of(_aws.PostsTo("jane-1")));
        string conversation = _aws.PostsTo("jane-1")[^1].Frame.GetProperty("conversationId").GetString()!;
        // The console heard of the new entry while Jane's event was handled.
        Post pushed = Assert.Single(_aws.PostsTo("console-1"));
        Assert.Equal("queue", pushed.Type);
        Assert.Equal(conversation, pushed.Frame.GetProperty("entries")[0].GetProperty("conversationId").GetString());

        await _functions.InvokeAsync(FunctionNames.Message, EventJson.Message("console-1", "staff_001",
            $$"""{"action":"takeConversation","conversationId":"{{conversation}}"}""", "takeConversation", "staff"));
        Assert.Equal("transcript", _aws.PostsTo("console-1")[1].Type);
        JsonElement assigned = _aws.PostsTo("jane-1")[^1].Frame;
        Assert.Equal(("assigned", "Sam Rivera"), (assigned.GetProperty("status").GetString(), assigned.GetProperty("agentName").GetString()));

        await _functions.InvokeAsync(FunctionNames.Message, EventJson.Message("console-1", "staff_001",
            $$"""{"action":"sendAgentMessage","conversationId":"{{conversation}}","message":"Hello Jane, Sam here."}""", "sendAgentMessage", "staff"));
        JsonElement reply = _aws.PostsTo("jane-1")[^1].Frame;
        Assert.Equal(("message", "agent", "Sam Rivera", "Hello Jane, Sam here."),
            (reply.GetProperty("type").GetString(), reply.GetProperty("source").GetString(), reply.GetProperty("agentName").GetString(), reply.GetProperty("message").GetString()));

        // Each side keeps to its own frames.
        await _functions.InvokeAsync(FunctionNames.Message, EventJson.Message("jane-1", "cust_001", """{"action":"getQueue"}""", "getQueue"));
        Assert.Equal("unauthorized", _aws.PostsTo("jane-1")[^1].Frame.GetProperty("code").GetString());

        IStaffStore staff = _functions.Services(FunctionNames.Disconnect).GetRequiredService<IStaffStore>();
        await _functions.InvokeAsync(FunctionNames.Disconnect, EventJson.Disconnect("console-1", "staff"));
        Assert.Empty(await staff.ListConnectionsAsync(_time.GetUtcNow(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unknown_staff_member_or_a_customer_id_as_staff_is_refused()
    {
        foreach (string query in new[] { """{"staffId":"staff_999"}""", """{"staffId":"cust_001"}""", """{"customerId":"staff_001"}""" })
        {
            await Assert.ThrowsAsync<ServiceBot.Lambda.Runtime.LambdaFunctionException>(() => _functions.InvokeAsync(FunctionNames.Authorize, EventJson.Authorizer(query)));
        }
    }
}
