using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Text.Json;

namespace ServiceBot.Lambda.Tests.StandIns;

/// <summary>One PostToConnection call as API Gateway would receive it.</summary>
public sealed record Post(string Stage, string ConnectionId, byte[] Body, string? Authorization, string? AmzDate, string? SecurityToken, DateTimeOffset At)
{
    public JsonElement Frame => JsonDocument.Parse(Body).RootElement;

    public string Type => Frame.GetProperty("type").GetString()!;
}

/// <summary>One answer PUT to a custom resource's ResponseURL.</summary>
public sealed record CloudFormationAnswer(string Key, byte[] Body, string? ContentType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// The AWS endpoints the functions call, on a loopback port: API Gateway's <c>@connections</c> API (410 Gone for the
/// connections a test marks gone) and S3's pre-signed ResponseURL for CloudFormation answers.
/// </summary>
public sealed class AwsStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Post> _posts = new();
    private readonly ConcurrentDictionary<string, CloudFormationAnswer> _answers = new();
    private readonly ConcurrentDictionary<string, bool> _gone = new();
    private readonly ConcurrentDictionary<string, string> _secrets = new();
    private readonly ConcurrentQueue<string> _secretReads = new();

    private AwsStandIn(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The value of <c>AWS_ENDPOINT_URL_SECRETS_MANAGER</c>.</summary>
    public Uri SecretsManagerEndpoint => new(BaseUri, "secretsmanager");

    /// <summary>The Authorization headers of the GetSecretValue calls, in order.</summary>
    public IReadOnlyList<string> SecretReads => [.. _secretReads];

    public void PutSecret(string name, string value) => _secrets[name] = value;

    /// <summary>The value of <c>ServiceBot__Gateway__ManagementEndpoint</c>: <c>http://127.0.0.1:PORT/test</c>.</summary>
    public Uri ManagementEndpoint => new(BaseUri, "test");

    public IReadOnlyList<Post> Posts => [.. _posts];

    public IReadOnlyList<Post> PostsTo(string connectionId) => _posts.Where(p => p.ConnectionId == connectionId).ToArray();

    public static async Task<AwsStandIn> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var standIn = new AwsStandIn(app);
        app.MapPost("/{stage}/@connections/{connectionId}", async (string stage, string connectionId, HttpContext http) =>
        {
            if (standIn._gone.ContainsKey(connectionId))
            {
                return Results.Json(new { message = "Gone" }, statusCode: StatusCodes.Status410Gone);
            }

            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            standIn._posts.Enqueue(new Post(stage, connectionId, buffer.ToArray(), http.Request.Headers.Authorization,
                http.Request.Headers["x-amz-date"], http.Request.Headers["x-amz-security-token"], DateTimeOffset.UtcNow));
            return Results.Ok();
        });
        app.MapPut("/cloudformation/{key}", async (string key, HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            standIn._answers[key] = new CloudFormationAnswer(key, buffer.ToArray(), http.Request.ContentType);
            return Results.Ok();
        });
        // Secrets Manager's GetSecretValue (JSON 1.1 protocol), with its error for an unknown secret.
        app.MapPost("/secretsmanager/", async (HttpContext http) =>
        {
            if (http.Request.Headers["x-amz-target"] != "secretsmanager.GetSecretValue")
            {
                return Results.Json(new Dictionary<string, string> { ["__type"] = "UnknownOperationException" }, statusCode: 400);
            }

            standIn._secretReads.Enqueue(http.Request.Headers.Authorization.ToString());
            JsonElement request = (await JsonDocument.ParseAsync(http.Request.Body)).RootElement;
            string id = request.GetProperty("SecretId").GetString()!;
            return standIn._secrets.TryGetValue(id, out string? value)
                ? Results.Json(new Dictionary<string, string> { ["Name"] = id, ["SecretString"] = value })
                : Results.Json(new Dictionary<string, string> { ["__type"] = "ResourceNotFoundException", ["message"] = "Secrets Manager can't find the specified secret." }, statusCode: 400);
        });
        await app.StartAsync();
        standIn.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return standIn;
    }

    /// <summary>From now on, posts to this connection are answered 410 Gone, as after the client left.</summary>
    public void MarkGone(string connectionId) => _gone[connectionId] = true;

    public Uri ResponseUrl(string key) => new(BaseUri, $"cloudformation/{key}");

    public CloudFormationAnswer? Answer(string key) => _answers.TryGetValue(key, out CloudFormationAnswer? answer) ? answer : null;

    /// <summary>Waits until a post satisfying <paramref name="match"/> has arrived.</summary>
    public async Task<Post> WaitForPostAsync(Func<Post, bool> match, TimeSpan? timeout = null)
    {
        DateTimeOffset until = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTimeOffset.UtcNow < until)
        {
            if (_posts.FirstOrDefault(match) is { } post)
            {
                return post;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The expected frame was never posted. Posted: " + string.Join(", ", _posts.Select(p => p.Type)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal static class FrameTypes
{
    public static string[] Of(IEnumerable<Post> posts) => posts.Select(p => p.Type).ToArray();

    public static string DeltaText(IEnumerable<Post> posts) =>
        string.Concat(posts.Where(p => p.Type == "delta").Select(p => p.Frame.GetProperty("text").GetString()));
}
