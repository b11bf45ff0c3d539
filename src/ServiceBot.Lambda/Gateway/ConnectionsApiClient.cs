using System.Net;
using Microsoft.Extensions.Logging;
using ServiceBot.Lambda.Aws;

namespace ServiceBot.Lambda.Gateway;

/// <summary>
/// PostToConnection over HTTPS, signed with SigV4 for the <c>execute-api</c> service. Throttling and server errors
/// are retried briefly; a frame is never worth holding a reply up for long.
/// </summary>
internal sealed partial class ConnectionsApiClient(
    HttpClient http,
    IAwsCredentialSource credentials,
    AwsSettings settings,
    TimeProvider time,
    ILogger<ConnectionsApiClient> logger) : IConnectionsApi
{
    private const int Attempts = 3;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);

    public async Task<PostOutcome> PostToConnectionAsync(Uri endpoint, string connectionId, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        // The connection id goes into the path escaped ('=' and '/' occur in API Gateway's ids); the signer signs what is sent.
        var uri = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/%40connections/" + Uri.EscapeDataString(connectionId));
        TimeSpan backoff = FirstBackoff;
        for (int attempt = 1; ; attempt++)
        {
            HttpStatusCode status;
            try
            {
                status = await PostOnceAsync(uri, data, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (attempt < Attempts)
            {
                LogRetry(logger, ex, connectionId, attempt);
                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                backoff *= 2;
                continue;
            }
            catch (HttpRequestException ex)
            {
                LogFailed(logger, ex, connectionId, 0);
                return PostOutcome.Failed;
            }

            switch (status)
            {
                case HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.Accepted:
                    return PostOutcome.Delivered;
                case HttpStatusCode.Gone:
                    return PostOutcome.Gone;
                case HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError when attempt < Attempts:
                    await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                    backoff *= 2;
                    continue;
                default:
                    LogFailed(logger, null, connectionId, (int)status);
                    return PostOutcome.Failed;
            }
        }
    }

    private async Task<HttpStatusCode> PostOnceAsync(Uri uri, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ReadOnlyMemoryContent(data) };
        Amazon.Runtime.ImmutableCredentials keys = await credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        SigV4Signer.Sign(request, data.Span, settings.Region, "execute-api", keys, time.GetUtcNow());
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting to connection {ConnectionId} failed (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, string connectionId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Posting to connection {ConnectionId} failed with status {Status}; the frame is lost")]
    private static partial void LogFailed(ILogger logger, Exception? exception, string connectionId, int status);
}
