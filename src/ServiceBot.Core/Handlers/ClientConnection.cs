using ServiceBot.Core.Auth;

namespace ServiceBot.Core.Handlers;

/// <summary>
/// Who is on a connection: fixed by the authorizer at connect time, never by a frame. For a staff connection
/// <see cref="CustomerId"/> is the staff member's id.
/// </summary>
public sealed record ClientConnection(string ConnectionId, string CustomerId)
{
    /// <summary>One of <see cref="Roles"/>.</summary>
    public string Role { get; init; } = Roles.Customer;

    public bool IsStaff => Role == Roles.Staff;
}
