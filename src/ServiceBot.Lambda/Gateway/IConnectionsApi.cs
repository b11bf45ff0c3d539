namespace ServiceBot.Lambda.Gateway;

/// <summary>What became of a frame posted to a connection.</summary>
internal enum PostOutcome
{
    Delivered,

    /// <summary>410 Gone: the client has disconnected; the connection will never come back.</summary>
    Gone,

    /// <summary>Anything else after the retries (throttled, a server error): the frame is lost, the connection may be fine.</summary>
    Failed,
}

/// <summary>API Gateway's <c>@connections</c> API: <c>POST {endpoint}/@connections/{connectionId}</c> with the frame as body.</summary>
internal interface IConnectionsApi
{
    Task<PostOutcome> PostToConnectionAsync(Uri endpoint, string connectionId, ReadOnlyMemory<byte> data, CancellationToken cancellationToken);
}
