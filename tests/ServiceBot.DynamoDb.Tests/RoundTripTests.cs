using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceBot.Server.Hosting;
using ServiceBot.Server.Tests;
using ServiceBot.Testing;

namespace ServiceBot.DynamoDb.Tests;

/// <summary>
/// How many DynamoDB requests one chat message costs (latency on Lambda, and the bill): the real server in this process,
/// its client counting every HTTP request it sends, retries included.
/// </summary>
public sealed class RoundTripTests(DynamoDbLocal local) : IAsyncDisposable
{
    private readonly CountingHttpClientFactory _counter = new();
    private readonly string _prefix = DynamoDbLocal.NewTablePrefix("trips");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_chat_message_costs_a_handful_of_requests_with_the_reads_in_one_parallel_wave()
    {
        using AmazonDynamoDBClient client = local.CreateClient(c => c.HttpClientFactory = _counter);
        await using WebApplication app = ServiceBotApp.Create(
            ["--urls", "http://127.0.0.1:0", "--ServiceBot:Store=dynamodb", $"--ServiceBot:DynamoDb:TablePrefix={_prefix}", "--ServiceBot:RateLimit:PermitLimit=0"],
            b =>
            {
                b.Logging.SetMinimumLevel(LogLevel.Warning);
                b.Services.AddSingleton<IAmazonDynamoDB>(client);
            });
        await app.StartAsync(Ct);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using BotClient john = await BotClient.ConnectAsync(new Uri($"ws://{new Uri(address).Authority}/ws?customerId=cust_002"));
        await john.ProfileAsync(); // tiers now cached, as in any warm process

        _counter.Reset();
        Exchange opening = await john.ChatAsync("is the kitchen display on?");
        Dictionary<string, int> first = _counter.Reset();

        Exchange change = await john.ChatAsync("make the kitchen display 20", opening.ConversationId, clientMessageId: "trip-2");
        // The key is let go after the reply has been sent, so its DeleteItem may still be on its way.
        for (int wait = 0; wait < 100 && !_counter.Seen("DeleteItem"); wait++)
        {
            await Task.Delay(20, Ct);
        }

        Dictionary<string, int> second = _counter.Reset();

        Assert.Equal("message", opening.Type);
        Assert.Equal(20, (int)Assert.Single(change.Devices)["volume"]!);
        TestContext.Current.TestOutputHelper?.WriteLine($"new conversation, a question: {Describe(first)}");
        TestContext.Current.TestOutputHelper?.WriteLine($"same conversation, idempotency key, a volume change: {Describe(second)}");

        // Read the customer; store the question; store the reply.
        Assert.Equal(new Dictionary<string, int> { ["GetItem"] = 1, ["PutItem"] = 2 }, first);
        // Claim the key (the Guards table, shared by instances); look it up; read the customer, the conversation and
        // whether a person holds it (its support-queue entry; together); store the question, the device, the reply; let the key go.
        Assert.Equal(new Dictionary<string, int> { ["Query"] = 2, ["GetItem"] = 2, ["PutItem"] = 4, ["DeleteItem"] = 1 }, second);
    }

    public async ValueTask DisposeAsync()
    {
        using AmazonDynamoDBClient client = local.CreateClient();
        await Tables.DeleteAsync(client, DynamoDbTables.FromPrefix(_prefix));
    }

    private static string Describe(Dictionary<string, int> counts) =>
        $"{counts.Values.Sum()} requests ({string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))})";

    /// <summary>Gives the SDK an HttpClient that counts requests by operation (the X-Amz-Target header).</summary>
    private sealed class CountingHttpClientFactory : HttpClientFactory
    {
        private ConcurrentDictionary<string, int> _counts = new();

        public bool Seen(string operation) => _counts.ContainsKey(operation);

        public Dictionary<string, int> Reset() =>
            new(Interlocked.Exchange(ref _counts, new ConcurrentDictionary<string, int>()), StringComparer.Ordinal);

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Counting(this, new SocketsHttpHandler()));

        private sealed class Counting(CountingHttpClientFactory owner, HttpMessageHandler inner) : DelegatingHandler(inner)
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                string operation = request.Headers.TryGetValues("X-Amz-Target", out IEnumerable<string>? target)
                    ? target.First().Split('.')[^1]
                    : request.Method.Method;
                owner._counts.AddOrUpdate(operation, 1, (_, n) => n + 1);
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
