using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServiceBot.Core.Frames;
using ServiceBot.Lambda.Aws;
using ServiceBot.Lambda.Gateway;
using ServiceBot.Lambda.Tests.StandIns;

namespace ServiceBot.Lambda.Tests;

/// <summary>The outgoing-frame sink over the real PostToConnection client, against a stand-in of the @connections API.</summary>
public sealed class GatewayChannelTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private AwsStandIn _aws = null!;
    private GatewayChannel _channel = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _aws = await AwsStandIn.StartAsync();
        _http = new HttpClient();
        var api = new ConnectionsApiClient(_http, new FixedCredentials(), new AwsSettings("us-east-1", new Uri("http://127.0.0.1:9/")), _time,
            NullLogger<ConnectionsApiClient>.Instance);
        _channel = new GatewayChannel(api, _time, NullLogger<GatewayChannel>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _aws.DisposeAsync();
    }

    [Fact]
    public async Task Deltas_are_batched_at_least_50_ms_apart_and_the_first_goes_at_once()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        _channel.Open(_aws.ManagementEndpoint);

        await _channel.SendAsync("c1", new DeltaFrame("conv_1", "The "), ct);
        await _channel.SendAsync("c1", new DeltaFrame("conv_1", "kitchen "), ct);
        _time.Advance(TimeSpan.FromMilliseconds(30));
        await _channel.SendAsync("c1", new DeltaFrame("conv_1", "display "), ct);
        _time.Advance(TimeSpan.FromMilliseconds(25));
        await _channel.SendAsync("c1", new DeltaFrame("conv_1", "is at 20."), ct);

        Assert.Equal(["The ", "kitchen display is at 20."], _aws.PostsTo("c1").Select(p => p.Frame.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Waiting_text_goes_out_before_the_next_frame_so_the_client_sees_everything_in_order()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        _channel.Open(_aws.ManagementEndpoint);

        await _channel.SendAsync("c1", new DeltaFrame("conv_1", "Turning "), ct);
        await _channel.SendAsync("c1", new DeltaFrame("conv_1", "it down."), ct);
        await _channel.SendAsync("c1", new ErrorFrame(ErrorCodes.Internal, "Sorry"), ct);

        Assert.Equal(["delta", "delta", "error"], FrameTypes.Of(_aws.PostsTo("c1")));
        Assert.Equal("Turning it down.", FrameTypes.DeltaText(_aws.PostsTo("c1")));
    }

    [Fact]
    public async Task Posts_are_signed_for_execute_api_and_go_to_the_connection_path()
    {
        _channel.Open(_aws.ManagementEndpoint);

        await _channel.SendAsync("XtTlvcV4IAMCFIA=", new ErrorFrame(ErrorCodes.BadRequest, "bad"), TestContext.Current.CancellationToken);

        Post post = Assert.Single(_aws.Posts);
        Assert.Equal("test", post.Stage);
        Assert.Equal("XtTlvcV4IAMCFIA=", post.ConnectionId);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/execute-api/aws4_request, SignedHeaders=", post.Authorization);
        Assert.Equal("20260101T120000Z", post.AmzDate);
        Assert.Equal(FixedCredentials.Keys.Token, post.SecurityToken);
        Assert.Equal("bad", post.Frame.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_gone_connection_answers_false_and_gets_no_more_posts()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        _channel.Open(_aws.ManagementEndpoint);
        _aws.MarkGone("c-gone");

        bool first = await _channel.SendAsync("c-gone", new DeltaFrame("conv_1", "Hi"), ct);
        bool second = await _channel.SendAsync("c-gone", new ErrorFrame(ErrorCodes.Internal, "x"), ct);

        Assert.False(first);
        Assert.False(second);
        Assert.Empty(_aws.Posts);
    }

    [Fact]
    public async Task Sending_outside_an_event_is_a_programming_error_not_a_silent_loss()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Task.Run(async () => await _channel.SendAsync("c1", new DeltaFrame("conv_1", "x"), TestContext.Current.CancellationToken)));
    }
}
