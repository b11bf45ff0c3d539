using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceBot.Lambda.Tests.StandIns;

/// <summary>How one invocation ended, as the Runtime API saw it.</summary>
public sealed record InvocationResult(bool IsError, byte[] Body, string? ErrorType)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>
/// Our Lambda Runtime API (2018-06-01) on a loopback port, for one function: <c>next</c> long-polls until a test
/// invokes, <c>response</c> / <c>error</c> complete that invocation, <c>init/error</c> records a failed start.
/// A function process pointed at it by <c>AWS_LAMBDA_RUNTIME_API</c> cannot tell it from Lambda's.
/// </summary>
public sealed class RuntimeApiEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, Pending> _inFlight = new();
    private readonly TaskCompletionSource<InvocationResult> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Pending(string RequestId, byte[] Payload, DateTimeOffset Deadline, TaskCompletionSource<InvocationResult> Done);

    private RuntimeApiEmulator(WebApplication app) => _app = app;

    /// <summary><c>host:port</c>, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Completes when the function reported an init error.</summary>
    public Task<InvocationResult> InitError => _initError.Task;

    /// <summary>How many times a runtime has asked for the next event (a started runtime asks at once).</summary>
    public int NextCalls => _nextCalls;

    private int _nextCalls;

    public static async Task<RuntimeApiEmulator> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var emulator = new RuntimeApiEmulator(app);
        emulator.Map(app);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.Address = new Uri(address).Authority;
        return emulator;
    }

    /// <summary>Hands <paramref name="payload"/> to the function and waits for its answer.</summary>
    public async Task<InvocationResult> InvokeAsync(byte[] payload, TimeSpan? timeout = null, TimeSpan? functionTimeout = null)
    {
        var pending = new Pending(Guid.NewGuid().ToString(), payload, DateTimeOffset.UtcNow + (functionTimeout ?? TimeSpan.FromSeconds(30)),
            new TaskCompletionSource<InvocationResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        _inFlight[pending.RequestId] = pending;
        await _queue.Writer.WriteAsync(pending);
        return await pending.Done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
    }

    public Task<InvocationResult> InvokeAsync(string json, TimeSpan? timeout = null, TimeSpan? functionTimeout = null) =>
        InvokeAsync(System.Text.Encoding.UTF8.GetBytes(json), timeout, functionTimeout);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/2018-06-01/runtime/invocation/next", async (HttpContext http) =>
        {
            Interlocked.Increment(ref _nextCalls);
            Pending next;
            try
            {
                next = await _queue.Reader.ReadAsync(http.RequestAborted);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
            {
                return;
            }

            http.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
            http.Response.Headers["Lambda-Runtime-Deadline-Ms"] = next.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:servicebot-test";
            http.Response.Headers["Lambda-Runtime-Trace-Id"] = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
            http.Response.ContentType = "application/json";
            await http.Response.Body.WriteAsync(next.Payload);
        });
        app.MapPost("/2018-06-01/runtime/invocation/{id}/response", async (string id, HttpContext http) =>
            Complete(id, new InvocationResult(false, await ReadAsync(http), null)));
        app.MapPost("/2018-06-01/runtime/invocation/{id}/error", async (string id, HttpContext http) =>
            Complete(id, new InvocationResult(true, await ReadAsync(http), http.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString())));
        app.MapPost("/2018-06-01/runtime/init/error", async (HttpContext http) =>
        {
            _initError.TrySetResult(new InvocationResult(true, await ReadAsync(http), http.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString()));
            return Results.Accepted();
        });
    }

    private IResult Complete(string id, InvocationResult result)
    {
        // Like Lambda: an unknown or already answered request id is refused.
        if (!_inFlight.TryRemove(id, out Pending? pending))
        {
            return Results.BadRequest(new { errorMessage = "Invalid request ID", errorType = "InvalidRequestID" });
        }

        pending.Done.TrySetResult(result);
        return Results.Accepted();
    }

    private static async Task<byte[]> ReadAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
