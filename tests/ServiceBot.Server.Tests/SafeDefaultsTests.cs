using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using ServiceBot.Core.Auth;
using ServiceBot.Server.Hosting;

namespace ServiceBot.Server.Tests;

/// <summary>What keeps a server that was started with no settings from being open to more than its owner.</summary>
public sealed class SafeDefaultsTests
{
    private const string SigningKey = "a-test-signing-key-that-is-long-enough-0123456789";

    [Theory]
    [InlineData(null, true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://localhost:5000;http://127.0.0.2:5001", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://bot.example.com:80", false)]
    [InlineData("http://localhost:5000;http://0.0.0.0:5001", false)]
    public void Demo_sign_in_defaults_on_only_for_loopback_addresses(string? urls, bool loopback)
    {
        IConfiguration config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();

        Assert.Equal(loopback, DemoSignInDefault.ListensOnLoopbackOnly(config));
    }

    [Fact]
    public async Task Listening_on_every_interface_turns_demo_sign_in_off()
    {
        await using RunningServer server = await RunningServer.StartAsync(settings: new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:0" });
        var local = new Uri($"http://127.0.0.1:{server.BaseUri.Port}");

        using var http = new HttpClient { BaseAddress = local };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/customers", TestContext.Current.CancellationToken)).StatusCode);
        await AssertRefusedAsync(new Uri($"ws://127.0.0.1:{local.Port}/ws?customerId=cust_002"));
    }

    [Fact]
    public async Task A_signing_key_turns_demo_sign_in_off_unless_it_is_asked_for()
    {
        await using (RunningServer keyed = await RunningServer.StartAsync(settings: new Dictionary<string, string?> { ["ServiceBot:Auth:SigningKey"] = SigningKey }))
        {
            await AssertRefusedAsync(keyed.WebSocketUri("customerId=cust_002"));
            var tokens = (TokenService)keyed.Services.GetService(typeof(TokenService))!;
            await using BotClient john = await BotClient.ConnectAsync(keyed.WebSocketUri("token=" + tokens.Issue("cust_002", TimeSpan.FromMinutes(5))));
            Assert.Equal("cust_002", (string?)(await john.ProfileAsync())["customer"]!["id"]);
        }

        await using RunningServer both = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ServiceBot:Auth:SigningKey"] = SigningKey,
            ["ServiceBot:Auth:DemoSignIn"] = "true",
        });
        await using BotClient demo = await both.ConnectAsync("cust_002");
        Assert.Equal("profile", (string?)(await demo.ProfileAsync())["type"]);
    }

    [Fact]
    public async Task A_page_of_another_site_cannot_open_a_connection()
    {
        await using RunningServer server = await RunningServer.StartAsync();

        await AssertRefusedAsync(server.WebSocketUri("customerId=cust_002"), origin: "https://evil.example");
        await using BotClient own = await ConnectWithOriginAsync(server.WebSocketUri("customerId=cust_002"), $"http://{server.BaseUri.Authority}");
        Assert.Equal("profile", (string?)(await own.ProfileAsync())["type"]);
        await using BotClient noBrowser = await server.ConnectAsync("cust_002");
        Assert.Equal("profile", (string?)(await noBrowser.ProfileAsync())["type"]);
    }

    [Fact]
    public async Task Configured_origins_are_the_only_pages_that_may_connect()
    {
        await using RunningServer server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ServiceBot:Auth:AllowedOrigins:0"] = "https://chat.example.com",
        });

        await using BotClient site = await ConnectWithOriginAsync(server.WebSocketUri("customerId=cust_002"), "https://chat.example.com");
        Assert.Equal("profile", (string?)(await site.ProfileAsync())["type"]);
        await AssertRefusedAsync(server.WebSocketUri("customerId=cust_002"), origin: "http://chat.example.com");
        await AssertRefusedAsync(server.WebSocketUri("customerId=cust_002"), origin: $"http://{server.BaseUri.Authority}");
    }

    [Fact]
    public async Task A_malformed_allowed_origin_stops_the_server_with_a_sentence()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ServiceBot:Auth:AllowedOrigins:0"] = "chat.example.com/app",
        }));

        Assert.Contains("scheme://host[:port]", error.Message);
    }

    [Fact]
    public async Task Sign_in_tokens_never_reach_the_logs()
    {
        var lines = new ConcurrentQueue<string>();
        await using RunningServer server = await RunningServer.StartAsync(
            settings: new Dictionary<string, string?> { ["ServiceBot:Auth:SigningKey"] = SigningKey },
            configure: b =>
            {
                b.Logging.SetMinimumLevel(LogLevel.Trace);
                b.Logging.AddProvider(new LineLogger(lines));
            });
        var tokens = (TokenService)server.Services.GetService(typeof(TokenService))!;
        string valid = tokens.Issue("cust_002", TimeSpan.FromMinutes(5));
        string expired = tokens.Issue("cust_002", TimeSpan.FromMinutes(-5));

        await using (BotClient john = await BotClient.ConnectAsync(server.WebSocketUri("token=" + valid)))
        {
            await john.ChatAsync("is my speaker on?");
        }

        await AssertRefusedAsync(server.WebSocketUri("token=" + expired));

        Assert.NotEmpty(lines);
        string signature(string token) => token[(token.LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(lines, l => l.Contains(signature(valid), StringComparison.Ordinal) || l.Contains(signature(expired), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Profile_and_history_requests_have_a_rate_limit_of_their_own()
    {
        await using RunningServer server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ServiceBot:RateLimit:PermitLimit"] = "5",
            ["ServiceBot:RateLimit:ReadPermitLimit"] = "2",
            ["ServiceBot:RateLimit:WindowSeconds"] = "60",
        });
        await using BotClient john = await server.ConnectAsync("cust_002");

        Assert.Equal("profile", (string?)(await john.ProfileAsync())["type"]);
        Assert.Equal("history", (string?)(await john.HistoryAsync())["type"]);
        await john.SendAsync(new { action = "getProfile" });
        JsonObject refused = (await john.ReceiveAsync())!;

        Assert.Equal("rate_limited", (string?)refused["code"]);
        Assert.Equal("message", (await john.ChatAsync("is my speaker on?")).Type);
    }

    private static async Task AssertRefusedAsync(Uri uri, string? origin = null)
    {
        var error = await Assert.ThrowsAnyAsync<WebSocketException>(() => ConnectWithOriginAsync(uri, origin));
        Assert.Contains("401", error.Message);
    }

    private static async Task<BotClient> ConnectWithOriginAsync(Uri uri, string? origin)
    {
        if (origin is null)
        {
            return await BotClient.ConnectAsync(uri);
        }

        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", origin);
        return await BotClient.ConnectAsync(socket, uri);
    }

    private sealed class LineLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + " " + state + " " + exception);

        public void Dispose()
        {
        }
    }
}
