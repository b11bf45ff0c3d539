using Microsoft.Extensions.Logging;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Demand;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Guards;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Core.Replies;
using ServiceBot.Core.Support;
using ServiceBot.Core.Telemetry;

namespace ServiceBot.Core.Handlers;

/// <summary>
/// sendMessage: store the customer's words first, acknowledge, let the agent answer through the gate,
/// then store and send the whole reply. A retry with a known clientMessageId runs nothing again. While a person of the
/// support team holds the conversation, the bot stays silent: the message is stored, acknowledged and pushed to them.
/// </summary>
public sealed partial class ChatHandler(
    ICustomerStore customers,
    ServiceLevelDirectory serviceLevels,
    IMessageStore messages,
    ConversationLog log,
    RequestAnalyzer analyzer,
    ChatAgent agent,
    SupportDesk support,
    ISupportQueueStore queue,
    FrameSender sender,
    IRequestLocks locks,
    UpgradeDemandRecorder demand,
    TimeProvider time,
    ILogger<ChatHandler> logger)
{
    /// <summary>Earlier turns read for context ("make it louder") and for the model's memory.</summary>
    private const int HistoryTurns = 20;

    public async Task HandleAsync(ClientConnection connection, ClientFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(frame);
        string? cmid = frame.ClientMessageId;
        if (cmid is null)
        {
            await AnswerAsync(connection, frame, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Only the same key from the same customer waits here, so duplicates of one message never run twice at once.
        IAsyncDisposable held;
        try
        {
            held = await locks.AcquireAsync(connection.CustomerId + "\n" + cmid, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestInProgressException)
        {
            await SendAsync(connection, new ErrorFrame(ErrorCodes.Internal, ChatErrors.StillAnswering(ChatErrors.LanguageOf(frame)), cmid), cancellationToken).ConfigureAwait(false);
            return;
        }

        await using (held.ConfigureAwait(false))
        {
            await AnswerAsync(connection, frame, cmid, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(ClientConnection connection, ClientFrame frame, string? cmid, CancellationToken cancellationToken)
    {
        StoredMessage? earlier = null;
        if (cmid is not null)
        {
            IReadOnlyList<StoredMessage> known = await messages.FindByClientMessageIdAsync(connection.CustomerId, cmid, frame.ConversationId, cancellationToken).ConfigureAwait(false);
            if (known.FirstOrDefault(m => m.Sender == Senders.Bot) is { } answered)
            {
                StoredMessage question = known.FirstOrDefault(m => m.Sender == Senders.Customer) ?? answered;
                await SendAsync(connection, new AckFrame(cmid, answered.ConversationId, Timestamps.ToKey(question.Timestamp)), cancellationToken).ConfigureAwait(false);
                await SendAsync(connection, MessageFrame.From(answered), cancellationToken).ConfigureAwait(false);
                return;
            }

            earlier = known.FirstOrDefault(m => m.Sender == Senders.Customer);
        }

        string conversationId = earlier?.ConversationId ?? frame.ConversationId ?? NewConversationId();
        Task<Customer?> customerRead = customers.GetAsync(connection.CustomerId, cancellationToken);
        ValueTask<ServiceLevelCatalog> catalogRead = serviceLevels.GetCatalogAsync(cancellationToken);
        Task<IReadOnlyList<StoredMessage>> historyRead = frame.ConversationId is null && earlier is null
            ? Task.FromResult<IReadOnlyList<StoredMessage>>([])
            : messages.GetConversationAsync(conversationId, HistoryTurns, cancellationToken);
        Task<QueueEntry?> entryRead = frame.ConversationId is null && earlier is null
            ? Task.FromResult<QueueEntry?>(null)
            : queue.FindOpenAsync(conversationId, cancellationToken);

        Customer? customer = await customerRead.ConfigureAwait(false);
        ServiceLevelCatalog catalog = await catalogRead.ConfigureAwait(false);
        IReadOnlyList<StoredMessage> history = await historyRead.ConfigureAwait(false);
        ServiceLevel? tier = customer is null ? null : catalog.Find(customer.ServiceLevel);
        if (customer is null || tier is null)
        {
            await SendAsync(connection, new ErrorFrame(ErrorCodes.Unauthorized, ChatErrors.AccountNotFound(ChatErrors.LanguageOf(frame)), cmid), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (history.Any(m => m.UserId != customer.Id))
        {
            await SendAsync(connection, new ErrorFrame(ErrorCodes.BadRequest, ChatErrors.NotYourConversation(ChatErrors.LanguageOf(frame)), cmid), cancellationToken).ConfigureAwait(false);
            return;
        }

        history = history.Where(m => earlier is null || m.Timestamp < earlier.Timestamp).ToArray();
        RequestAnalysis analysis = Analyze(frame.Message!, customer, history);
        bool allowed = analysis.RequiredActions.All(tier.Allows);
        ServiceBotTelemetry.MessageReceived(analysis.RequestType, tier.Level);

        StoredMessage asked = earlier ?? await log.AppendAsync(new StoredMessage
        {
            ConversationId = conversationId,
            Timestamp = time.GetUtcNow(),
            UserId = customer.Id,
            Sender = Senders.Customer,
            Text = frame.Message!,
            RequestType = analysis.RequestType,
            RequiredActions = analysis.RequiredActions,
            Allowed = allowed,
            ClientMessageId = cmid,
            Language = analysis.Language.Code(),
        }, cancellationToken).ConfigureAwait(false);

        await SendAsync(connection, new AckFrame(cmid, conversationId, Timestamps.ToKey(asked.Timestamp)), cancellationToken).ConfigureAwait(false);

        QueueEntry? entry = await entryRead.ConfigureAwait(false);
        if (entry is { Status: QueueStatuses.Assigned } && entry.CustomerId == customer.Id)
        {
            // A person holds the conversation: they answer, not the bot. A retried frame was forwarded the first time.
            if (earlier is null)
            {
                await support.ForwardAsync(entry, asked, connection.ConnectionId, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (entry is { Status: QueueStatuses.Waiting } && entry.CustomerId == customer.Id)
        {
            await support.FollowAsync(entry, connection.ConnectionId, cancellationToken).ConfigureAwait(false);
        }

        HandoffNotice? handoff = null;
        var context = new AgentContext
        {
            Customer = customer,
            Tier = tier,
            Catalog = catalog,
            ConversationId = conversationId,
            Text = frame.Message!,
            Analysis = analysis,
            History = history,
            // Claude's request_human tool joins the queue through the same desk as the reader's handoff.
            RequestHuman = async ct =>
            {
                // In the customer's language: the entry's notices reach them directly, whichever model answers now.
                handoff = await support.RequestAsync(customer, tier, conversationId, connection.ConnectionId, ct, analysis.Language).ConfigureAwait(false);
                return handoff.Text;
            },
        };

        if (analysis.Intent == Intent.HumanHandoff)
        {
            handoff = await support.RequestAsync(customer, tier, conversationId, connection.ConnectionId, cancellationToken, analysis.Language).ConfigureAwait(false);
            await ReplyAsync(connection, context, asked, allowed, cmid, new AgentReply(handoff.Text, [], Sources.Offline, null), cancellationToken).ConfigureAwait(false);
            await SendAsync(connection, handoff.Frame, cancellationToken).ConfigureAwait(false);
            return;
        }

        AgentReply reply;
        try
        {
            reply = await agent.ReplyAsync(context, new ReplyEvents(sender, connection.ConnectionId, conversationId), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAgentFailed(logger, ex, customer.Id);
            await SendAsync(connection, new ErrorFrame(ErrorCodes.Internal, ChatErrors.AnswerFailed(analysis.Language), cmid), cancellationToken).ConfigureAwait(false);
            return;
        }

        await ReplyAsync(connection, context, asked, allowed, cmid, reply, cancellationToken).ConfigureAwait(false);
        if (handoff is not null)
        {
            await SendAsync(connection, handoff.Frame, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stores the whole reply, then sends it: what the customer sees is always what the history keeps.</summary>
    private async Task ReplyAsync(
        ClientConnection connection, AgentContext context, StoredMessage asked, bool allowed, string? cmid, AgentReply reply, CancellationToken cancellationToken)
    {
        RequestAnalysis analysis = context.Analysis;
        DateTimeOffset now = time.GetUtcNow();
        StoredMessage stored = await log.AppendAsync(new StoredMessage
        {
            ConversationId = asked.ConversationId,
            Timestamp = now > asked.Timestamp ? now : asked.Timestamp.AddTicks(1),
            UserId = asked.UserId,
            Sender = Senders.Bot,
            Text = reply.Text,
            RequestType = analysis.RequestType,
            RequiredActions = analysis.RequiredActions,
            Allowed = allowed,
            Actions = reply.Actions,
            Source = reply.Source,
            ClientMessageId = cmid,
            Usage = reply.Usage,
            Language = analysis.Language.Code(),
        }, CancellationToken.None).ConfigureAwait(false);

        // Counted once the reply is stored and only here: a retry of this clientMessageId is answered from the stored
        // reply above and never reaches this line, and a reply that failed to store counts nothing.
        await demand.RecordAsync(context, reply, stored.Timestamp, CancellationToken.None).ConfigureAwait(false);
        await SendAsync(connection, MessageFrame.From(stored), cancellationToken).ConfigureAwait(false);
    }

    private RequestAnalysis Analyze(string text, Customer customer, IReadOnlyList<StoredMessage> history)
    {
        try
        {
            return analyzer.Analyze(text, customer, ConversationContextBuilder.From(history, customer));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The analyzer reads free text; if it trips, the message still gets stored and answered.
            LogAnalyzerFailed(logger, ex, customer.Id);
            return new RequestAnalysis { Intent = Intent.Unknown };
        }
    }

    private ValueTask<bool> SendAsync(ClientConnection connection, ServerFrame frame, CancellationToken cancellationToken) =>
        sender.SendAsync(connection.ConnectionId, frame, cancellationToken);

    private static string NewConversationId() => "conv_" + Guid.CreateVersion7().ToString("N");

    [LoggerMessage(Level = LogLevel.Error, Message = "The agent failed to answer {CustomerId}")]
    private static partial void LogAgentFailed(ILogger logger, Exception exception, string customerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The request analyzer failed on a message from {CustomerId}")]
    private static partial void LogAnalyzerFailed(ILogger logger, Exception exception, string customerId);
}
