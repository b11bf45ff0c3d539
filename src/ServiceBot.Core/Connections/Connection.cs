namespace ServiceBot.Core.Connections;

/// <summary>A row of the Connections table: an open WebSocket and the customer it belongs to.</summary>
public sealed record Connection(string ConnectionId, string UserId, DateTimeOffset ConnectionTime, DateTimeOffset Ttl)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public bool IsExpired(DateTimeOffset now) => Ttl <= now;
}
