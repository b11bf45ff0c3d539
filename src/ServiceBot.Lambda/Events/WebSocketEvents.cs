using System.Text.Json;

namespace ServiceBot.Lambda.Events;

/// <summary>
/// What API Gateway sends a Lambda integration of a WebSocket API route ($connect, $disconnect, a message route).
/// Only the fields the functions read; the rest of the event is ignored.
/// </summary>
internal sealed record WebSocketEvent
{
    public WebSocketRequestContext? RequestContext { get; init; }

    /// <summary>The client's frame on message routes; absent on $connect and $disconnect.</summary>
    public string? Body { get; init; }

    /// <summary>True when the client sent a binary frame: <see cref="Body"/> is then base64.</summary>
    public bool IsBase64Encoded { get; init; }

    public Dictionary<string, string>? QueryStringParameters { get; init; }

    public Dictionary<string, string>? Headers { get; init; }
}

internal sealed record WebSocketRequestContext
{
    /// <summary><c>$connect</c>, <c>$disconnect</c>, <c>$default</c> or the route key the selection expression chose.</summary>
    public string? RouteKey { get; init; }

    /// <summary><c>CONNECT</c>, <c>MESSAGE</c> or <c>DISCONNECT</c>.</summary>
    public string? EventType { get; init; }

    public string? ConnectionId { get; init; }

    /// <summary>The API's host name; with <see cref="Stage"/> it names the <c>@connections</c> endpoint.</summary>
    public string? DomainName { get; init; }

    public string? Stage { get; init; }

    public string? ApiId { get; init; }

    public string? RequestId { get; init; }

    public long ConnectedAt { get; init; }

    /// <summary>
    /// The authorizer's <c>principalId</c> and <c>context</c>, flattened; API Gateway repeats what the $connect
    /// authorizer returned on every later route of the connection.
    /// </summary>
    public Dictionary<string, JsonElement>? Authorizer { get; init; }

    public string? AuthorizerValue(string key) =>
        Authorizer is not null && Authorizer.TryGetValue(key, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>A route integration's answer; for $connect anything but 2xx refuses the connection.</summary>
internal sealed record WebSocketResponse(int StatusCode, string? Body = null)
{
    public static readonly WebSocketResponse Ok = new(200);
}
