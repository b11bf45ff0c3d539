namespace ServiceBot.Core.Support;

/// <summary>A person of the support team: signs in to the support console and answers customers under this name.</summary>
public sealed record StaffMember(string Id, string Name);

/// <summary>An open support-console connection: where queue changes and customers' words are pushed.</summary>
public sealed record StaffConnection(string ConnectionId, string StaffId, DateTimeOffset Ttl);
