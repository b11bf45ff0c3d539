using ServiceBot.Core.Analysis;

namespace ServiceBot.Core.Support;

/// <summary>
/// A conversation whose customer asked for a person: one row per conversation in the support queue. It waits, is
/// assigned to one staff member, and ends handed back to the bot or closed; asking again opens it anew.
/// </summary>
public sealed record QueueEntry
{
    public required string ConversationId { get; init; }
    public required string CustomerId { get; init; }
    public required string CustomerName { get; init; }

    /// <summary>The customer's service level when they asked (basic, premium, enterprise).</summary>
    public required string Tier { get; init; }

    /// <summary>The tier's support priority: dedicated, priority or standard.</summary>
    public required string SupportPriority { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>One of <see cref="QueueStatuses"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Who holds it (assigned) or last held or closed it.</summary>
    public string? StaffId { get; init; }

    public string? StaffName { get; init; }

    /// <summary>
    /// The customer's connection when they last wrote in this conversation: where the staff member's words and the
    /// queue notices are pushed. A customer who has since reconnected finds them in the history.
    /// </summary>
    public string? CustomerConnectionId { get; init; }

    /// <summary>
    /// The language the customer asked in: what every handoff notice tells them in while it is open. An entry stored
    /// before entries had one reads as English.
    /// </summary>
    public Language Language { get; init; } = Language.English;

    public bool IsOpen => QueueStatuses.IsOpen(Status);
}

public static class QueueStatuses
{
    public const string Waiting = "waiting";
    public const string Assigned = "assigned";

    /// <summary>Handed back to the bot; not in the queue any more.</summary>
    public const string Returned = "returned";

    public const string Closed = "closed";

    public static bool IsOpen(string status) => status is Waiting or Assigned;
}
