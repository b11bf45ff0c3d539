using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Handlers;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Support;

/// <summary>What the customer is told when they ask for a person: the sentence and the handoff frame.</summary>
public sealed record HandoffNotice(string Text, HandoffFrame Frame);

/// <summary>The queue at one moment: its entries in order, the staff consoles open, and the clock.</summary>
internal sealed record QueueSnapshot(IReadOnlyList<PlacedEntry> Placed, IReadOnlyList<StaffConnection> Consoles, DateTimeOffset Now, double AverageHandlingMinutes)
{
    public int StaffOnline => Consoles.Select(c => c.StaffId).Distinct(StringComparer.Ordinal).Count();

    public int? ExpectedWait(int? position) => position is { } p ? WaitEstimate.Minutes(p, StaffOnline, AverageHandlingMinutes) : null;

    public PlacedEntry? Find(string conversationId) => Placed.FirstOrDefault(p => p.Entry.ConversationId == conversationId);

    public QueueEntryView View(PlacedEntry placed) => QueueEntryView.From(placed, Now, ExpectedWait(placed.Position));

    public QueueFrame Frame() => new([.. Placed.Select(View)], StaffOnline);

    public HandoffFrame HandoffFor(QueueEntry entry)
    {
        int? position = Find(entry.ConversationId)?.Position;
        return HandoffFrame.Of(entry, HandoffStatuses.For(entry.Status), position, ExpectedWait(position),
            entry.Status == QueueStatuses.Assigned ? entry.StaffName : null);
    }
}

/// <summary>
/// The support queue as both sides see it: a customer joins it (through the handoff reader or Claude's tool), staff
/// consoles are told when it changes, and waiting customers are told when their place moves.
/// </summary>
public sealed partial class SupportDesk(
    ISupportQueueStore queue,
    IStaffStore staff,
    FrameSender sender,
    IOptions<ServiceBotOptions> options,
    TimeProvider time,
    ILogger<SupportDesk> logger)
{
    /// <summary>Puts the conversation in the queue (once: asking again tells the customer where they stand).</summary>
    public async Task<HandoffNotice> RequestAsync(
        Customer customer, ServiceLevel tier, string conversationId, string connectionId, CancellationToken cancellationToken, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(tier);
        var asked = new QueueEntry
        {
            ConversationId = conversationId,
            CustomerId = customer.Id,
            CustomerName = customer.Name,
            Tier = tier.Level,
            SupportPriority = tier.SupportPriority,
            RequestedAt = time.GetUtcNow(),
            Status = QueueStatuses.Waiting,
            CustomerConnectionId = connectionId,
            Language = language,
        };
        QueueEntry entry = await queue.EnqueueAsync(asked, cancellationToken).ConfigureAwait(false);
        bool joined = entry.RequestedAt == asked.RequestedAt && entry.Status == QueueStatuses.Waiting;
        if (!joined && entry.CustomerConnectionId != connectionId)
        {
            await queue.UpdateCustomerConnectionAsync(conversationId, connectionId, cancellationToken).ConfigureAwait(false);
        }

        QueueSnapshot snapshot = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        HandoffFrame frame = snapshot.HandoffFor(entry);
        string text = entry.Status == QueueStatuses.Assigned
            ? HandoffReplies.AlreadyWithYou(entry.StaffName, language)
            : HandoffReplies.Queued(frame.Position ?? 1, frame.ExpectedWaitMinutes ?? snapshot.ExpectedWait(1)!.Value, language);
        if (joined)
        {
            LogJoined(logger, conversationId, tier.SupportPriority);
            await TellStaffAsync(snapshot, cancellationToken).ConfigureAwait(false);

            // Someone of a higher priority goes ahead of those already waiting: they hear their new place.
            foreach (PlacedEntry behind in snapshot.Placed.Where(p => p.Position > frame.Position && p.Entry.ConversationId != conversationId))
            {
                await TellCustomerAsync(behind.Entry, snapshot.HandoffFor(behind.Entry), cancellationToken).ConfigureAwait(false);
            }
        }

        return new HandoffNotice(text, frame);
    }

    /// <summary>A customer's message in a conversation a person holds: pushed to that person's consoles.</summary>
    public async Task ForwardAsync(QueueEntry entry, Conversations.StoredMessage message, string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(message);
        await FollowAsync(entry, connectionId, cancellationToken).ConfigureAwait(false);

        var frame = new CustomerMessageFrame(entry.ConversationId, entry.CustomerId, HistoryEntry.From(message));
        foreach (StaffConnection console in await staff.ListConnectionsAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            if (console.StaffId == entry.StaffId)
            {
                await SendToConsoleAsync(console.ConnectionId, frame, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Where the customer stands, for a conversation they reopened (history) while it is in the queue; from now on its
    /// pushes go to this connection.
    /// </summary>
    public async Task<HandoffFrame?> StandingAsync(string conversationId, string customerId, string connectionId, CancellationToken cancellationToken)
    {
        QueueEntry? entry = await queue.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (entry is not { IsOpen: true } || entry.CustomerId != customerId)
        {
            return null;
        }

        await FollowAsync(entry, connectionId, cancellationToken).ConfigureAwait(false);

        QueueSnapshot snapshot = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.HandoffFor(entry);
    }

    /// <summary>The customer wrote or looked from this connection: queue notices and a person's words go there now.</summary>
    public async Task FollowAsync(QueueEntry entry, string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.IsOpen && entry.CustomerConnectionId != connectionId)
        {
            await queue.UpdateCustomerConnectionAsync(entry.ConversationId, connectionId, cancellationToken).ConfigureAwait(false);
        }
    }

    internal async Task<QueueSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        Task<IReadOnlyList<StaffConnection>> consoles = staff.ListConnectionsAsync(now, cancellationToken);
        IReadOnlyList<QueueEntry> open = await queue.ListOpenAsync(cancellationToken).ConfigureAwait(false);
        return new QueueSnapshot(QueueOrder.Place(open), await consoles.ConfigureAwait(false), now, options.Value.Support.AverageHandlingMinutes);
    }

    /// <summary>Every console gets the queue as it is now.</summary>
    internal async Task TellStaffAsync(QueueSnapshot snapshot, CancellationToken cancellationToken)
    {
        QueueFrame frame = snapshot.Frame();
        foreach (StaffConnection console in snapshot.Consoles)
        {
            await SendToConsoleAsync(console.ConnectionId, frame, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Each customer still waiting hears their new place, after someone ahead of them was taken or closed.</summary>
    internal async Task TellWaitingCustomersAsync(QueueSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (PlacedEntry placed in snapshot.Placed.Where(p => p.Position is not null))
        {
            await TellCustomerAsync(placed.Entry, snapshot.HandoffFor(placed.Entry), cancellationToken).ConfigureAwait(false);
        }
    }

    internal async Task TellCustomerAsync(QueueEntry entry, ServerFrame frame, CancellationToken cancellationToken)
    {
        if (entry.CustomerConnectionId is { } connectionId)
        {
            // A customer who left finds it all in the history; their connection row goes with the failed send.
            await sender.SendAsync(connectionId, frame, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendToConsoleAsync(string connectionId, ServerFrame frame, CancellationToken cancellationToken)
    {
        if (!await sender.SendAsync(connectionId, frame, cancellationToken).ConfigureAwait(false))
        {
            await staff.RemoveConnectionAsync(connectionId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} joined the support queue ({SupportPriority})")]
    private static partial void LogJoined(ILogger logger, string conversationId, string supportPriority);
}
