using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceBot.Core.Auth;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Lambda.Hosting;
using ServiceBot.Lambda.Runtime;
using ServiceBot.Lambda.Tests.StandIns;

namespace ServiceBot.Lambda.Tests;

/// <summary>Each function of the package, composed as in Lambda, on the real core and a SQLite store, in this process.</summary>
public sealed class FunctionTests : IAsyncLifetime
{
    private const string SigningKey = "test-signing-key-of-at-least-32-characters!";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AwsStandIn _aws = null!;
    private SqliteFunctions _functions = null!;

    public async ValueTask InitializeAsync()
    {
        _aws = await AwsStandIn.StartAsync();
        _functions = await SqliteFunctions.StartAsync(_aws, new Dictionary<string, string?> { ["ServiceBot:Auth:SigningKey"] = SigningKey }, _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _functions.DisposeAsync();
        await _aws.DisposeAsync();
    }

    [Fact]
    public async Task Authorize_allows_a_known_customer_as_the_principal_of_the_connect_route()
    {
        JsonElement policy = Json(await _functions.InvokeAsync(FunctionNames.Authorize, EventJson.Authorizer("""{"customerId":"cust_001"}""")));

        Assert.Equal("cust_001", policy.GetProperty("principalId").GetString());
        Assert.Equal("Allow", policy.GetProperty("policyDocument").GetProperty("Statement")[0].GetProperty("Effect").GetString());
        Assert.Equal("cust_001", policy.GetProperty("context").GetProperty("customerId").GetString());
    }

    [Theory]
    [InlineData("""{"customerId":"cust_999"}""")]
    [InlineData("""{"token":"not-a-token"}""")]
    [InlineData("null")]
    public async Task Authorize_refuses_with_Unauthorized_which_API_Gateway_answers_with_401(string query)
    {
        LambdaFunctionException refused = await Assert.ThrowsAsync<LambdaFunctionException>(() =>
            _functions.InvokeAsync(FunctionNames.Authorize, EventJson.Authorizer(query)));

        Assert.Equal("Unauthorized", refused.Message);
    }

    [Fact]
    public async Task Authorize_accepts_a_signed_token_for_its_subject()
    {
        string token = _functions.Services(FunctionNames.Authorize).GetRequiredService<TokenService>().Issue("cust_003", TimeSpan.FromHours(1));

        JsonElement policy = Json(await _functions.InvokeAsync(FunctionNames.Authorize, EventJson.Authorizer($$"""{"token":"{{token}}"}""")));

        Assert.Equal("cust_003", policy.GetProperty("principalId").GetString());
    }

    [Fact]
    public async Task Connect_records_the_connection_for_24_hours_and_disconnect_forgets_it()
    {
        IConnectionStore connections = _functions.Services(FunctionNames.Connect).GetRequiredService<IConnectionStore>();

        JsonElement connected = Json(await _functions.InvokeAsync(FunctionNames.Connect, EventJson.Connect("conn-1", "cust_002")));
        Connection? row = await connections.GetAsync("conn-1", _time.GetUtcNow(), TestContext.Current.CancellationToken);
        JsonElement disconnected = Json(await _functions.InvokeAsync(FunctionNames.Disconnect, EventJson.Disconnect("conn-1")));

        Assert.Equal(200, connected.GetProperty("statusCode").GetInt32());
        Assert.Equal("cust_002", row!.UserId);
        // The ttl is kept in epoch seconds (DynamoDB's TTL format).
        Assert.InRange(row.Ttl, _time.GetUtcNow() + TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1), _time.GetUtcNow() + TimeSpan.FromHours(24));
        Assert.Equal(200, disconnected.GetProperty("statusCode").GetInt32());
        Assert.Null(await connections.GetAsync("conn-1", _time.GetUtcNow(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SendMessage_posts_ack_then_the_reply_and_stores_both_messages()
    {
        await _functions.InvokeAsync(FunctionNames.Connect, EventJson.Connect("conn-2", "cust_002"));

        JsonElement answer = Json(await _functions.InvokeAsync(FunctionNames.Message,
            EventJson.Message("conn-2", "cust_002", """{"action":"sendMessage","message":"set the kitchen display volume to 20","clientMessageId":"m-1"}""")));

        Post[] posts = [.. _aws.PostsTo("conn-2")];
        Assert.Equal(200, answer.GetProperty("statusCode").GetInt32());
        Assert.Equal("ack", posts[0].Type);
        Assert.Equal("message", posts[^1].Type);
        JsonElement reply = posts[^1].Frame;
        Assert.Equal("volume_change", reply.GetProperty("requestType").GetString());
        Assert.Contains(reply.GetProperty("actions").EnumerateArray(), a => a.GetProperty("allowed").GetBoolean());
        string conversationId = reply.GetProperty("conversationId").GetString()!;
        IReadOnlyList<StoredMessage> stored = await _functions.Services(FunctionNames.Message).GetRequiredService<IMessageStore>()
            .GetConversationAsync(conversationId, 10, TestContext.Current.CancellationToken);
        Assert.Equal(["customer", "bot"], stored.Select(m => m.Sender));
    }

    [Fact]
    public async Task The_customer_is_the_one_the_authorizer_accepted_whatever_the_frame_says()
    {
        await _functions.InvokeAsync(FunctionNames.Message,
            EventJson.Message("conn-3", "cust_001", """{"action":"getProfile","customerId":"cust_003"}""", "getProfile"));

        Post profile = await _aws.WaitForPostAsync(p => p.ConnectionId == "conn-3");
        Assert.Equal("cust_001", profile.Frame.GetProperty("customer").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_connection_found_gone_when_answering_loses_its_row()
    {
        IConnectionStore connections = _functions.Services(FunctionNames.Message).GetRequiredService<IConnectionStore>();
        await _functions.InvokeAsync(FunctionNames.Connect, EventJson.Connect("conn-4", "cust_002"));
        _aws.MarkGone("conn-4");

        await _functions.InvokeAsync(FunctionNames.Message, EventJson.Message("conn-4", "cust_002", """{"action":"getProfile"}""", "getProfile"));

        Assert.Null(await connections.GetAsync("conn-4", _time.GetUtcNow(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_binary_frame_is_read_from_base64_like_any_other()
    {
        string body = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"action":"getProfile"}"""));
        string message = EventJson.Message("conn-5", "cust_002", body, "getProfile").Replace("\"isBase64Encoded\":false", "\"isBase64Encoded\":true", StringComparison.Ordinal);

        await _functions.InvokeAsync(FunctionNames.Message, message);

        Assert.Equal("profile", (await _aws.WaitForPostAsync(p => p.ConnectionId == "conn-5")).Type);
    }

    [Fact]
    public async Task The_http_routes_list_the_sample_customers_and_the_tiers()
    {
        JsonElement customers = Json(await _functions.InvokeAsync(FunctionNames.Http, EventJson.Example("http-api-get.json")));
        JsonElement levels = Json(await _functions.InvokeAsync(FunctionNames.Http,
            EventJson.Example("http-api-get.json").Replace("/api/customers", "/api/service-levels", StringComparison.Ordinal)));

        Assert.Equal(200, customers.GetProperty("statusCode").GetInt32());
        Assert.Equal(3, JsonDocument.Parse(customers.GetProperty("body").GetString()!).RootElement.GetArrayLength());
        Assert.Equal(["basic", "premium", "enterprise"],
            JsonDocument.Parse(levels.GetProperty("body").GetString()!).RootElement.EnumerateArray().Select(l => l.GetProperty("level").GetString()).Order(Comparer<string?>.Create((a, b) => Rank(a) - Rank(b))));
    }

    private static int Rank(string? level) => level switch { "basic" => 0, "premium" => 1, _ => 2 };

    private static JsonElement Json(byte[] bytes) => JsonDocument.Parse(bytes).RootElement;
}

/// <summary>Demo sign-in off, as on the prod stage.</summary>
public sealed class ProdSignInTests : IAsyncLifetime
{
    private AwsStandIn _aws = null!;
    private SqliteFunctions _functions = null!;

    public async ValueTask InitializeAsync()
    {
        _aws = await AwsStandIn.StartAsync();
        _functions = await SqliteFunctions.StartAsync(_aws, new Dictionary<string, string?> { ["ServiceBot:Auth:DemoSignIn"] = "false" });
    }

    public async ValueTask DisposeAsync()
    {
        await _functions.DisposeAsync();
        await _aws.DisposeAsync();
    }

    [Fact]
    public async Task Demo_sign_in_is_refused_and_the_customer_list_is_not_found()
    {
        await Assert.ThrowsAsync<LambdaFunctionException>(() => _functions.InvokeAsync(FunctionNames.Authorize, EventJson.Authorizer("""{"customerId":"cust_001"}""")));
        JsonElement customers = JsonDocument.Parse(await _functions.InvokeAsync(FunctionNames.Http, EventJson.Example("http-api-get.json"))).RootElement;

        Assert.Equal(404, customers.GetProperty("statusCode").GetInt32());
    }
}

/// <summary>The authorizer as the CDK app configures it: pages of the site may connect, pages of other sites may not.</summary>
public sealed class OriginTests : IAsyncLifetime
{
    private const string Site = "https://d111111abcdef8.cloudfront.net";
    private AwsStandIn _aws = null!;
    private SqliteFunctions _functions = null!;

    public async ValueTask InitializeAsync()
    {
        _aws = await AwsStandIn.StartAsync();
        _functions = await SqliteFunctions.StartAsync(_aws, new Dictionary<string, string?> { ["ServiceBot:Auth:AllowedOrigins:0"] = Site });
    }

    public async ValueTask DisposeAsync()
    {
        await _functions.DisposeAsync();
        await _aws.DisposeAsync();
    }

    [Fact]
    public async Task A_page_of_the_site_connects_and_a_page_of_another_site_is_refused()
    {
        JsonElement policy = JsonDocument.Parse(await _functions.InvokeAsync(FunctionNames.Authorize, EventJson.Authorizer("""{"customerId":"cust_001"}""", Site))).RootElement;
        Assert.Equal("cust_001", policy.GetProperty("principalId").GetString());

        var refused = await Assert.ThrowsAsync<LambdaFunctionException>(() =>
            _functions.InvokeAsync(FunctionNames.Authorize, EventJson.Authorizer("""{"customerId":"cust_001"}""", "https://evil.example")));
        Assert.Equal("Unauthorized", refused.Message);
    }
}

/// <summary>The seed custom resource on an empty store: CloudFormation always gets its answer.</summary>
public sealed class SeedFunctionTests : IAsyncLifetime
{
    private AwsStandIn _aws = null!;
    private SqliteFunctions _functions = null!;

    public async ValueTask InitializeAsync()
    {
        _aws = await AwsStandIn.StartAsync();
        _functions = await SqliteFunctions.StartAsync(_aws, seed: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _functions.DisposeAsync();
        await _aws.DisposeAsync();
    }

    [Fact]
    public async Task Create_seeds_Update_changes_nothing_more_and_Delete_keeps_the_data()
    {
        ICustomerStore customers = _functions.Services(FunctionNames.Seed).GetRequiredService<ICustomerStore>();

        await _functions.InvokeAsync(FunctionNames.Seed, EventJson.CustomResource("Create", _aws.ResponseUrl("create")));
        await _functions.InvokeAsync(FunctionNames.Seed, EventJson.CustomResource("Update", _aws.ResponseUrl("update"), "servicebot-seed"));
        await _functions.InvokeAsync(FunctionNames.Seed, EventJson.CustomResource("Delete", _aws.ResponseUrl("delete"), "servicebot-seed"));

        JsonElement created = _aws.Answer("create")!.Json;
        Assert.Equal("SUCCESS", created.GetProperty("Status").GetString());
        Assert.Equal("req-Create", created.GetProperty("RequestId").GetString());
        Assert.Equal("Seed", created.GetProperty("LogicalResourceId").GetString());
        Assert.Equal("servicebot-seed", created.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal("3", created.GetProperty("Data").GetProperty("CustomersAdded").GetString());
        // The pre-signed URL was signed without a content type; sending one would make S3 refuse the answer.
        Assert.Null(_aws.Answer("create")!.ContentType);
        Assert.Equal("0", _aws.Answer("update")!.Json.GetProperty("Data").GetProperty("CustomersAdded").GetString());
        Assert.Equal("SUCCESS", _aws.Answer("delete")!.Json.GetProperty("Status").GetString());
        Assert.Equal(3, (await customers.ListAsync(TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task A_request_that_cannot_be_done_is_answered_FAILED_with_the_reason()
    {
        await _functions.InvokeAsync(FunctionNames.Seed, EventJson.CustomResource("Rename", _aws.ResponseUrl("odd")));

        JsonElement answer = _aws.Answer("odd")!.Json;
        Assert.Equal("FAILED", answer.GetProperty("Status").GetString());
        Assert.Contains("Rename", answer.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_time_the_seed_still_answers_rather_than_leave_the_stack_waiting()
    {
        await _functions.InvokeAsync(FunctionNames.Seed, EventJson.CustomResource("Create", _aws.ResponseUrl("late")), DateTimeOffset.UtcNow.AddSeconds(2));

        Assert.Equal("FAILED", _aws.Answer("late")!.Json.GetProperty("Status").GetString());
    }
}
