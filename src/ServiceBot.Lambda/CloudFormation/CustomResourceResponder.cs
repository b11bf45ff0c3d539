using System.Text.Json;
using Microsoft.Extensions.Logging;
using ServiceBot.Lambda.Events;

namespace ServiceBot.Lambda.CloudFormation;

/// <summary>Tells CloudFormation how a custom resource request ended: a PUT of the result to its <c>ResponseURL</c>.</summary>
internal interface ICustomResourceResponder
{
    Task SendAsync(Uri responseUrl, CustomResourceResponse response, CancellationToken cancellationToken);
}

/// <summary>
/// The PUT goes to a pre-signed S3 URL that was signed without a content type, so none is sent. A stack waits up
/// to an hour for the answer, so a failed PUT is retried before giving up.
/// </summary>
internal sealed partial class CustomResourceResponder(HttpClient http, TimeProvider time, ILogger<CustomResourceResponder> logger) : ICustomResourceResponder
{
    private const int Attempts = 3;

    public async Task SendAsync(Uri responseUrl, CustomResourceResponse response, CancellationToken cancellationToken)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(response, CloudFormationJson.Default.CustomResourceResponse);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, responseUrl) { Content = new ByteArrayContent(body) };
                using HttpResponseMessage answer = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                answer.EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException ex) when (attempt < Attempts)
            {
                LogRetry(logger, ex, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering CloudFormation failed (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, int attempt);
}
