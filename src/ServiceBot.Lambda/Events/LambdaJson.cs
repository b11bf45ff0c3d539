using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceBot.Lambda.Runtime;

namespace ServiceBot.Lambda.Events;

/// <summary>Source-generated JSON for the API Gateway and Runtime API documents: camelCase, no reflection (Native AOT).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebSocketEvent))]
[JsonSerializable(typeof(WebSocketResponse))]
[JsonSerializable(typeof(AuthorizerEvent))]
[JsonSerializable(typeof(AuthorizerResponse))]
[JsonSerializable(typeof(HttpApiEvent))]
[JsonSerializable(typeof(HttpApiResponse))]
[JsonSerializable(typeof(ScheduledEvent))]
[JsonSerializable(typeof(ScheduleResult))]
[JsonSerializable(typeof(LambdaError))]
[JsonSerializable(typeof(SecretValue))]
[JsonSerializable(typeof(SecretRequest))]
internal sealed partial class LambdaJson : JsonSerializerContext;

/// <summary>
/// CloudFormation's documents keep their PascalCase names (<c>RequestType</c>, <c>ResponseURL</c>), so they get
/// a context without a naming policy.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(CustomResourceEvent))]
[JsonSerializable(typeof(CustomResourceResponse))]
internal sealed partial class CloudFormationJson : JsonSerializerContext;

/// <summary>Secrets Manager's GetSecretValue request (JSON 1.1 protocol, PascalCase).</summary>
internal sealed record SecretRequest([property: JsonPropertyName("SecretId")] string SecretId);

/// <summary>The part of GetSecretValue's answer we use.</summary>
internal sealed record SecretValue([property: JsonPropertyName("SecretString")] string? SecretString);
