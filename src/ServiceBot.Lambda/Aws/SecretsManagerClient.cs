using System.Net.Http.Headers;
using System.Text.Json;
using ServiceBot.Lambda.Events;

namespace ServiceBot.Lambda.Aws;

/// <summary>Reads a secret's value by name at run time, so the value is never in the template or an environment variable.</summary>
internal interface ISecretReader
{
    Task<string?> GetSecretStringAsync(string secretId, CancellationToken cancellationToken);
}

/// <summary>Secrets Manager's <c>GetSecretValue</c> (JSON 1.1 protocol), signed with SigV4; the SDK client is not available to us.</summary>
internal sealed class SecretsManagerClient(HttpClient http, IAwsCredentialSource credentials, AwsSettings settings, TimeProvider time) : ISecretReader
{
    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.1");

    public async Task<string?> GetSecretStringAsync(string secretId, CancellationToken cancellationToken)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new SecretRequest(secretId), LambdaJson.Default.SecretRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.SecretsManagerEndpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = AmzJson;
        request.Headers.TryAddWithoutValidation("x-amz-target", "secretsmanager.GetSecretValue");
        Amazon.Runtime.ImmutableCredentials keys = await credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        SigV4Signer.Sign(request, body, settings.Region, "secretsmanager", keys, time.GetUtcNow());

        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            string error = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"Secrets Manager answered {(int)response.StatusCode} for {secretId}: {error}", null, response.StatusCode);
        }

        await using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        SecretValue? value = await JsonSerializer.DeserializeAsync(stream, LambdaJson.Default.SecretValue, cancellationToken).ConfigureAwait(false);
        return value?.SecretString;
    }
}
