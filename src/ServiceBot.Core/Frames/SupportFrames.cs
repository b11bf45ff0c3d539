using ServiceBot.Core.Conversations;
using ServiceBot.Core.Support;

namespace ServiceBot.Core.Frames;

/// <summary>
/// To the customer: where their request for a person stands. Sent when they ask, and again whenever it changes (their
/// place moves, a person takes it, it is handed back to the bot, it is closed). <see cref="Title"/> and
/// <see cref="Text"/> say it to the customer in the language they asked in, so a client shows them as they are.
/// </summary>
public sealed record HandoffFrame(
    string ConversationId,
    string Status,
    int? Position,
    int? ExpectedWaitMinutes,
    string? AgentName,
    string Title,
    string Text) : ServerFrame
{
    /// <summary>The frame for the entry in <paramref name="status"/>, its words in the entry's language.</summary>
    public static HandoffFrame Of(QueueEntry entry, string status, int? position = null, int? expectedWaitMinutes = null, string? agentName = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.ConversationId, status, position, expectedWaitMinutes, agentName,
            HandoffReplies.Title(status, entry.Language), HandoffReplies.Notice(status, position, expectedWaitMinutes, agentName, entry.Language));
    }
}

/// <summary>The <c>status</c> values of a handoff frame.</summary>
public static class HandoffStatuses
{
    public const string Queued = "queued";
    public const string Assigned = "assigned";
    public const string Returned = "returned";
    public const string Closed = "closed";

    public static string For(string queueStatus) => queueStatus switch
    {
        QueueStatuses.Assigned => Assigned,
        QueueStatuses.Returned => Returned,
        QueueStatuses.Closed => Closed,
        _ => Queued,
    };
}

/// <summary>
/// To staff: every open entry, in the order they are to be taken. <see cref="Staff"/> is the console's own staff member
/// in the answer to getQueue (so it can say who is signed in), null in the pushes every console gets.
/// </summary>
public sealed record QueueFrame(IReadOnlyList<QueueEntryView> Entries, int StaffOnline, StaffMember? Staff = null) : ServerFrame;

/// <summary>One entry of the queue as the console shows it; <c>position</c> and the expected wait only while waiting.</summary>
public sealed record QueueEntryView(
    string ConversationId,
    string CustomerId,
    string CustomerName,
    string Tier,
    string SupportPriority,
    string Status,
    int? Position,
    string RequestedAt,
    int WaitedSeconds,
    int? ExpectedWaitMinutes,
    string? StaffId,
    string? StaffName)
{
    public static QueueEntryView From(PlacedEntry placed, DateTimeOffset now, int? expectedWaitMinutes)
    {
        ArgumentNullException.ThrowIfNull(placed);
        QueueEntry e = placed.Entry;
        int waited = (int)Math.Max(0, (now - e.RequestedAt).TotalSeconds);
        return new(e.ConversationId, e.CustomerId, e.CustomerName, e.Tier, e.SupportPriority, e.Status, placed.Position,
            Timestamps.ToKey(e.RequestedAt), waited, expectedWaitMinutes, e.StaffId, e.StaffName);
    }
}

/// <summary>To staff: a conversation's messages (oldest first, at most the latest 200) and its queue entry.</summary>
public sealed record TranscriptFrame(
    string ConversationId,
    CustomerSummary Customer,
    IReadOnlyList<HistoryEntry> Messages,
    QueueEntryView? Entry) : ServerFrame;

/// <summary>To the staff member holding a conversation: a customer's message as it arrives (stored and acknowledged already).</summary>
public sealed record CustomerMessageFrame(string ConversationId, string CustomerId, HistoryEntry Message) : ServerFrame;
