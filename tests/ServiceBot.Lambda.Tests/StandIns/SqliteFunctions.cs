using Amazon.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Core;
using ServiceBot.Core.Seeding;
using ServiceBot.Lambda.Aws;
using ServiceBot.Lambda.Hosting;
using ServiceBot.Lambda.Runtime;
using ServiceBot.Sqlite;

namespace ServiceBot.Lambda.Tests.StandIns;

/// <summary>Fixed keys for signing in tests (Lambda gives a function its role's keys the same way: as plain values).</summary>
internal sealed class FixedCredentials : IAwsCredentialSource
{
    public static readonly ImmutableCredentials Keys = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-example");

    public ValueTask<ImmutableCredentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Keys);
}

/// <summary>
/// The package's functions composed as in Lambda (LambdaComposition.AddLambdaFunction) but on one SQLite file, in
/// this process: quick tests of what each function does with real core handlers and a real store.
/// </summary>
internal sealed class SqliteFunctions : IAsyncDisposable
{
    private readonly Dictionary<string, ServiceProvider> _providers = new();
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"servicebot-lambda-{Guid.NewGuid():N}.db");

    public static async Task<SqliteFunctions> StartAsync(AwsStandIn aws, IDictionary<string, string?>? settings = null, TimeProvider? time = null, bool seed = true)
    {
        var functions = new SqliteFunctions();
        var values = new Dictionary<string, string?>
        {
            ["ServiceBot:Gateway:ManagementEndpoint"] = aws.ManagementEndpoint.ToString(),
            ["ServiceBot:RateLimit:PermitLimit"] = "0",
            // As the dev stage is deployed (the CDK sets it); unset, a function keeps demo sign-in off.
            ["ServiceBot:Auth:DemoSignIn"] = "true",
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        IConfiguration config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        foreach (string handler in FunctionNames.All)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            if (time is not null)
            {
                services.AddSingleton(time);
            }

            services.AddServiceBotSqlite();
            services.Configure<SqliteOptions>(o => o.DatabasePath = functions._databasePath);
            services.AddLambdaFunction(config, handler, new AwsSettings("us-east-1", new Uri("http://127.0.0.1:9/")), new HttpClient(), new FixedCredentials());
            functions._providers[handler] = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        }

        ServiceProvider any = functions._providers[FunctionNames.Seed];
        await any.GetRequiredService<IStoreInitializer>().InitializeAsync(CancellationToken.None);
        if (seed)
        {
            await any.GetRequiredService<SeedHandler>().SeedAsync(SeedData.Default, CancellationToken.None);
        }

        return functions;
    }

    public IServiceProvider Services(string handler) => _providers[handler];

    public async Task<byte[]> InvokeAsync(string handler, string json, DateTimeOffset? deadline = null)
    {
        ILambdaFunction function = _providers[handler].GetRequiredService<ILambdaFunction>();
        var invocation = new LambdaInvocation(Guid.NewGuid().ToString(), deadline ?? DateTimeOffset.UtcNow.AddSeconds(30), null, null, System.Text.Encoding.UTF8.GetBytes(json));
        return await function.InvokeAsync(invocation, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ServiceProvider provider in _providers.Values)
        {
            await provider.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_databasePath);
    }
}

/// <summary>Builds event JSON the way API Gateway writes it.</summary>
internal static class EventJson
{
    public static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", name));

    /// <summary>A $connect authorizer event; <paramref name="origin"/> is the page's, as a browser sends it (CloudFront passes it on).</summary>
    public static string Authorizer(string query, string? origin = null) => $$$"""
        {"type":"REQUEST","methodArn":"arn:aws:execute-api:us-east-1:123456789012:abcdef123/dev/$connect",
         "queryStringParameters":{{{query}}},"headers":{"Host":"abcdef123.execute-api.us-east-1.amazonaws.com"{{{(origin is null ? "" : $",\"origin\":\"{origin}\"")}}}},
         "requestContext":{"routeKey":"$connect","eventType":"CONNECT","connectionId":"c-auth","stage":"dev","domainName":"abcdef123.execute-api.us-east-1.amazonaws.com"}}
        """;

    public static string Connect(string connectionId, string customerId, string role = "customer") => $$$"""
        {"requestContext":{"routeKey":"$connect","eventType":"CONNECT","connectionId":"{{{connectionId}}}","stage":"dev",
         "domainName":"abcdef123.execute-api.us-east-1.amazonaws.com","apiId":"abcdef123",
         "authorizer":{"principalId":"{{{customerId}}}","customerId":"{{{customerId}}}","role":"{{{role}}}","integrationLatency":12}},
         "queryStringParameters":{"customerId":"{{{customerId}}}"},"isBase64Encoded":false}
        """;

    public static string Disconnect(string connectionId, string role = "customer") => $$$"""
        {"requestContext":{"routeKey":"$disconnect","eventType":"DISCONNECT","connectionId":"{{{connectionId}}}","stage":"dev",
         "authorizer":{"principalId":"x","role":"{{{role}}}"},
         "domainName":"abcdef123.execute-api.us-east-1.amazonaws.com","disconnectStatusCode":1001,"disconnectReason":"Going away"},"isBase64Encoded":false}
        """;

    public static string Message(string connectionId, string customerId, string frame, string routeKey = "sendMessage", string role = "customer") =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            requestContext = new
            {
                routeKey,
                eventType = "MESSAGE",
                connectionId,
                stage = "dev",
                domainName = "abcdef123.execute-api.us-east-1.amazonaws.com",
                apiId = "abcdef123",
                authorizer = new { principalId = customerId, customerId, role, integrationLatency = 12 },
            },
            body = frame,
            isBase64Encoded = false,
        });

    public static string CustomResource(string requestType, Uri responseUrl, string? physicalId = null) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["RequestType"] = requestType,
            ["ServiceToken"] = "arn:aws:lambda:us-east-1:123456789012:function:seed",
            ["ResponseURL"] = responseUrl.ToString(),
            ["StackId"] = "arn:aws:cloudformation:us-east-1:123456789012:stack/ServiceBot-dev/5b6b6a60",
            ["RequestId"] = "req-" + requestType,
            ["LogicalResourceId"] = "Seed",
            ["PhysicalResourceId"] = physicalId,
            ["ResourceType"] = "Custom::ServiceBotSeed",
            ["ResourceProperties"] = new Dictionary<string, string> { ["SeedVersion"] = "1" },
        });
}
