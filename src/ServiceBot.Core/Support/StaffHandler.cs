using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Demand;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Handlers;

namespace ServiceBot.Core.Support;

/// <summary>
/// The support console's frames: see the queue and transcripts, take a conversation, reply as a person, hand it back
/// to the bot, close it. Every change is conditional on the entry's state; a frame that does not fit it gets an error
/// and changes nothing.
/// </summary>
public sealed class StaffHandler(
    SupportDesk desk,
    ISupportQueueStore queue,
    IStaffStore staff,
    ICustomerStore customers,
    IMessageStore messages,
    ConversationLog log,
    FrameSender sender,
    UpgradeDemandReports demand,
    TimeProvider time)
{
    private const int TranscriptLimit = 200;

    public Task HandleAsync(ClientConnection connection, ClientFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(frame);
        string conversationId = frame.ConversationId!;
        return frame.Action switch
        {
            ClientActions.GetQueue => QueueAsync(connection, cancellationToken),
            ClientActions.GetTranscript => TranscriptAsync(connection, conversationId, cancellationToken),
            ClientActions.TakeConversation => TakeAsync(connection, conversationId, cancellationToken),
            ClientActions.SendAgentMessage => ReplyAsync(connection, frame, cancellationToken),
            ClientActions.HandBack => EndAsync(connection, conversationId, QueueStatuses.Returned, cancellationToken),
            ClientActions.GetUpgradeDemand => DemandAsync(connection, frame.Days, cancellationToken),
            _ => EndAsync(connection, conversationId, QueueStatuses.Closed, cancellationToken),
        };
    }

    private async Task QueueAsync(ClientConnection connection, CancellationToken cancellationToken)
    {
        Task<StaffMember?> me = staff.GetAsync(connection.CustomerId, cancellationToken);
        QueueSnapshot snapshot = await desk.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        await SendAsync(connection, snapshot.Frame() with { Staff = await me.ConfigureAwait(false) }, cancellationToken).ConfigureAwait(false);
    }

    private async Task DemandAsync(ClientConnection connection, int? days, CancellationToken cancellationToken)
    {
        ServerFrame answer;
        try
        {
            answer = UpgradeDemandFrame.Of(await demand.LastDaysAsync(days, cancellationToken).ConfigureAwait(false));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            answer = new ErrorFrame(ErrorCodes.BadRequest, ex.Message.Split(" (Parameter", 2)[0]);
        }

        await SendAsync(connection, answer, cancellationToken).ConfigureAwait(false);
    }

    private async Task TranscriptAsync(ClientConnection connection, string conversationId, CancellationToken cancellationToken)
    {
        QueueEntry? entry = await queue.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            await SendAsync(connection, new ErrorFrame(ErrorCodes.NotFound, HandoffReplies.NotInQueue), cancellationToken).ConfigureAwait(false);
            return;
        }

        await SendTranscriptAsync(connection, entry, cancellationToken).ConfigureAwait(false);
    }

    private async Task TakeAsync(ClientConnection connection, string conversationId, CancellationToken cancellationToken)
    {
        StaffMember? me = await staff.GetAsync(connection.CustomerId, cancellationToken).ConfigureAwait(false);
        if (me is null)
        {
            await SendAsync(connection, new ErrorFrame(ErrorCodes.Unauthorized, HandoffReplies.UnknownStaff), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await queue.TryTakeAsync(conversationId, me.Id, me.Name, cancellationToken).ConfigureAwait(false))
        {
            QueueEntry? now = await queue.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (now is { Status: QueueStatuses.Assigned } mine && mine.StaffId == me.Id)
            {
                // Taking it again (a retried frame) is no error: it is already theirs.
                await SendTranscriptAsync(connection, mine, cancellationToken).ConfigureAwait(false);
                return;
            }

            await SendAsync(connection, Refusal(now), cancellationToken).ConfigureAwait(false);
            return;
        }

        QueueEntry taken = (await queue.FindAsync(conversationId, cancellationToken).ConfigureAwait(false))!;
        await SendTranscriptAsync(connection, taken, cancellationToken).ConfigureAwait(false);
        await desk.TellCustomerAsync(taken, HandoffFrame.Of(taken, HandoffStatuses.Assigned, agentName: me.Name), cancellationToken).ConfigureAwait(false);
        await ChangedAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ReplyAsync(ClientConnection connection, ClientFrame frame, CancellationToken cancellationToken)
    {
        string conversationId = frame.ConversationId!;
        string? cmid = frame.ClientMessageId;
        QueueEntry? entry = await queue.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (entry is not { Status: QueueStatuses.Assigned } || entry.StaffId != connection.CustomerId)
        {
            ErrorFrame refusal = entry is { Status: QueueStatuses.Waiting }
                ? new ErrorFrame(ErrorCodes.Conflict, HandoffReplies.TakeFirst, cmid)
                : Refusal(entry) with { ClientMessageId = cmid };
            await SendAsync(connection, refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Staff keys live beside the customer's own on the customer's rows, so they carry the staff id to never meet them.
        string? key = cmid is null ? null : $"agent:{connection.CustomerId}:{cmid}";
        if (key is not null)
        {
            IReadOnlyList<StoredMessage> known = await messages.FindByClientMessageIdAsync(entry.CustomerId, key, conversationId, cancellationToken).ConfigureAwait(false);
            if (known.FirstOrDefault(m => m.Sender == Senders.Agent) is { } sent)
            {
                await SendAsync(connection, new AckFrame(cmid, conversationId, Timestamps.ToKey(sent.Timestamp)), cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        StoredMessage stored = await log.AppendAsync(new StoredMessage
        {
            ConversationId = conversationId,
            Timestamp = time.GetUtcNow(),
            UserId = entry.CustomerId,
            Sender = Senders.Agent,
            Text = frame.Message!,
            Source = Sources.Agent,
            AgentName = entry.StaffName,
            ClientMessageId = key,
        }, cancellationToken).ConfigureAwait(false);
        await SendAsync(connection, new AckFrame(cmid, conversationId, Timestamps.ToKey(stored.Timestamp)), cancellationToken).ConfigureAwait(false);
        await desk.TellCustomerAsync(entry, MessageFrame.From(stored), cancellationToken).ConfigureAwait(false);
    }

    private async Task EndAsync(ClientConnection connection, string conversationId, string status, CancellationToken cancellationToken)
    {
        StaffMember? me = await staff.GetAsync(connection.CustomerId, cancellationToken).ConfigureAwait(false);
        if (me is null)
        {
            await SendAsync(connection, new ErrorFrame(ErrorCodes.Unauthorized, HandoffReplies.UnknownStaff), cancellationToken).ConfigureAwait(false);
            return;
        }

        // Closing also clears a conversation nobody took yet (a mistaken request); handing back needs it to be yours.
        bool closing = status == QueueStatuses.Closed;
        if (!await queue.TryEndAsync(conversationId, me.Id, me.Name, status, orWaiting: closing, cancellationToken).ConfigureAwait(false))
        {
            QueueEntry? now = await queue.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
            ErrorFrame refusal = now is { Status: QueueStatuses.Waiting } ? new ErrorFrame(ErrorCodes.Conflict, HandoffReplies.TakeFirst) : Refusal(now);
            await SendAsync(connection, refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        QueueEntry ended = (await queue.FindAsync(conversationId, cancellationToken).ConfigureAwait(false))!;
        await desk.TellCustomerAsync(ended, HandoffFrame.Of(ended, HandoffStatuses.For(status), agentName: me.Name), cancellationToken).ConfigureAwait(false);
        await ChangedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a change: every console sees the queue, every waiting customer their new place.</summary>
    private async Task ChangedAsync(CancellationToken cancellationToken)
    {
        QueueSnapshot snapshot = await desk.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        await desk.TellStaffAsync(snapshot, cancellationToken).ConfigureAwait(false);
        await desk.TellWaitingCustomersAsync(snapshot, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendTranscriptAsync(ClientConnection connection, QueueEntry entry, CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<StoredMessage>> read = messages.GetConversationAsync(entry.ConversationId, TranscriptLimit, cancellationToken);
        Customer? customer = await customers.GetAsync(entry.CustomerId, cancellationToken).ConfigureAwait(false);
        QueueSnapshot snapshot = await desk.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<StoredMessage> conversation = await read.ConfigureAwait(false);
        PlacedEntry placed = snapshot.Find(entry.ConversationId) ?? new PlacedEntry(entry, null);
        var frame = new TranscriptFrame(
            entry.ConversationId,
            new CustomerSummary(entry.CustomerId, customer?.Name ?? entry.CustomerName, customer?.ServiceLevel ?? entry.Tier),
            [.. conversation.Where(m => m.UserId == entry.CustomerId).Select(HistoryEntry.From)],
            snapshot.View(placed));
        await SendAsync(connection, frame, cancellationToken).ConfigureAwait(false);
    }

    private static ErrorFrame Refusal(QueueEntry? entry) => entry switch
    {
        null => new ErrorFrame(ErrorCodes.NotFound, HandoffReplies.NotInQueue),
        { Status: QueueStatuses.Assigned } => new ErrorFrame(ErrorCodes.Conflict, HandoffReplies.HeldBy(entry.StaffName)),
        { Status: QueueStatuses.Waiting } => new ErrorFrame(ErrorCodes.Conflict, HandoffReplies.TakeFirst),
        _ => new ErrorFrame(ErrorCodes.Conflict, HandoffReplies.Ended),
    };

    private ValueTask<bool> SendAsync(ClientConnection connection, ServerFrame frame, CancellationToken cancellationToken) =>
        sender.SendAsync(connection.ConnectionId, frame, cancellationToken);
}
