namespace ServiceBot.Lambda.Events;

/// <summary>An HTTP API (payload format 2.0) request: just what the two read-only routes need.</summary>
internal sealed record HttpApiEvent
{
    public string? RouteKey { get; init; }

    public string? RawPath { get; init; }

    public HttpApiRequestContext? RequestContext { get; init; }
}

internal sealed record HttpApiRequestContext
{
    public HttpApiHttp? Http { get; init; }
}

internal sealed record HttpApiHttp
{
    public string? Method { get; init; }

    public string? Path { get; init; }
}

/// <summary>An HTTP API (payload format 2.0) response.</summary>
internal sealed record HttpApiResponse(int StatusCode, Dictionary<string, string>? Headers, string? Body);
