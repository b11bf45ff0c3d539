using System.Text.Json.Serialization;

namespace ServiceBot.Lambda.Events;

/// <summary>A REQUEST authorizer's event for a WebSocket API's <c>$connect</c>.</summary>
internal sealed record AuthorizerEvent
{
    /// <summary><c>REQUEST</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/$connect</c>: the resource an Allow policy names.</summary>
    public string? MethodArn { get; init; }

    public Dictionary<string, string>? QueryStringParameters { get; init; }

    public Dictionary<string, string>? Headers { get; init; }

    public WebSocketRequestContext? RequestContext { get; init; }

    public string? Query(string name) =>
        QueryStringParameters is not null && QueryStringParameters.TryGetValue(name, out string? value) ? value : null;

    /// <summary>A header of the upgrade request, by name in any case (clients and proxies differ in how they spell it).</summary>
    public string? Header(string name) =>
        Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// The authorizer's answer: an IAM policy for <c>execute-api:Invoke</c> on the method ARN, the principal, and a
/// context that API Gateway hands to every route of the connection as <c>requestContext.authorizer</c>.
/// </summary>
internal sealed record AuthorizerResponse(string PrincipalId, PolicyDocument PolicyDocument, Dictionary<string, string>? Context)
{
    public const string CustomerIdKey = "customerId";

    /// <summary><c>customer</c> or <c>staff</c> (Core.Auth.Roles): a support console's connection carries <c>staff</c>.</summary>
    public const string RoleKey = "role";

    public static AuthorizerResponse Allow(string customerId, string methodArn, string role = Core.Auth.Roles.Customer) =>
        new(customerId, PolicyDocument.For("Allow", methodArn), new Dictionary<string, string> { [CustomerIdKey] = customerId, [RoleKey] = role });
}

/// <summary>IAM policy JSON keeps its PascalCase names (<c>Version</c>, <c>Statement</c>) inside the camelCase response.</summary>
internal sealed record PolicyDocument(
    [property: JsonPropertyName("Version")] string Version,
    [property: JsonPropertyName("Statement")] IReadOnlyList<PolicyStatement> Statement)
{
    public static PolicyDocument For(string effect, string resource) =>
        new("2012-10-17", [new PolicyStatement("execute-api:Invoke", effect, resource)]);
}

internal sealed record PolicyStatement(
    [property: JsonPropertyName("Action")] string Action,
    [property: JsonPropertyName("Effect")] string Effect,
    [property: JsonPropertyName("Resource")] string Resource);
