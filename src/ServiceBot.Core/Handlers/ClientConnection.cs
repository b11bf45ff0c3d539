namespace ServiceBot.Core.Handlers;

/// <summary>Who is on a connection: fixed by the authorizer at connect time, never by a frame.</summary>
public sealed record ClientConnection(string ConnectionId, string CustomerId);
