using System.Net;
using System.Text;
using System.Text.Json;
using ServiceBot.Lambda.Runtime;
using ServiceBot.Lambda.Tests.StandIns;

namespace ServiceBot.Lambda.Tests;

/// <summary>The Runtime API client against our emulator of the Runtime API.</summary>
public sealed class RuntimeClientTests : IAsyncLifetime
{
    private RuntimeApiEmulator _runtime = null!;
    private LambdaRuntimeClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _runtime = await RuntimeApiEmulator.StartAsync();
        _client = new LambdaRuntimeClient(_runtime.Address);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _runtime.DisposeAsync();
    }

    [Fact]
    public async Task Next_hands_out_the_event_with_its_request_id_deadline_and_trace_and_the_response_completes_it()
    {
        Task<InvocationResult> invoked = _runtime.InvokeAsync("""{"hello":"lambda"}""", functionTimeout: TimeSpan.FromSeconds(30));

        LambdaInvocation next = await _client.NextAsync(TestContext.Current.CancellationToken);
        await _client.RespondAsync(next.RequestId, """{"statusCode":200}"""u8.ToArray(), TestContext.Current.CancellationToken);
        InvocationResult result = await invoked;

        Assert.Equal("""{"hello":"lambda"}""", Encoding.UTF8.GetString(next.Payload));
        Assert.False(string.IsNullOrEmpty(next.RequestId));
        Assert.InRange(next.Deadline - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));
        Assert.StartsWith("Root=", next.TraceId);
        Assert.StartsWith("arn:aws:lambda:", next.InvokedFunctionArn);
        Assert.False(result.IsError);
        Assert.Equal("""{"statusCode":200}""", result.Text);
    }

    [Fact]
    public async Task An_error_goes_back_with_its_type_in_the_header_and_the_error_document()
    {
        Task<InvocationResult> invoked = _runtime.InvokeAsync("{}");
        LambdaInvocation next = await _client.NextAsync(TestContext.Current.CancellationToken);

        await _client.ReportErrorAsync(next.RequestId, LambdaError.From(LambdaFunctionException.Unauthorized()), TestContext.Current.CancellationToken);
        InvocationResult result = await invoked;

        Assert.True(result.IsError);
        Assert.Equal("Unauthorized", result.ErrorType);
        JsonElement error = JsonDocument.Parse(result.Body).RootElement;
        Assert.Equal("Unauthorized", error.GetProperty("errorMessage").GetString());
        Assert.Equal("Unauthorized", error.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task A_start_up_failure_is_reported_as_an_init_error()
    {
        await _client.ReportInitErrorAsync(LambdaError.From(new InvalidOperationException("MESSAGES_TABLE is not set")), TestContext.Current.CancellationToken);

        InvocationResult init = await _runtime.InitError.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal("InvalidOperationException", init.ErrorType);
        Assert.Equal("MESSAGES_TABLE is not set", JsonDocument.Parse(init.Body).RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task Answering_a_request_the_runtime_does_not_know_is_refused()
    {
        HttpRequestException refused = await Assert.ThrowsAsync<HttpRequestException>(() =>
            _client.RespondAsync("no-such-request", "{}"u8.ToArray(), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
