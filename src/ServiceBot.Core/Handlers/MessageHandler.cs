using Microsoft.Extensions.Logging;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Guards;
using ServiceBot.Core.Replies;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Core.Support;

namespace ServiceBot.Core.Handlers;

/// <summary>The message route: every frame a connected client sends, read, checked and dispatched by its action.</summary>
public sealed partial class MessageHandler(
    ChatHandler chat,
    StaffHandler staff,
    SupportDesk support,
    ICustomerStore customers,
    ServiceLevelDirectory serviceLevels,
    IMessageStore messages,
    FrameSender sender,
    IRequestRateLimiter rateLimiter,
    ILogger<MessageHandler> logger)
{
    private const int HistoryLimit = 200;

    public async Task HandleAsync(ClientConnection connection, ReadOnlyMemory<byte> utf8Frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        (ClientFrame? frame, ErrorFrame? error) = ClientFrameReader.Read(utf8Frame.Span);
        if (error is not null)
        {
            await sender.SendAsync(connection.ConnectionId, error, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The role was fixed at connect time: a console never chats as a customer, a customer never uses the console's frames.
        if (connection.IsStaff != ClientActions.IsStaffAction(frame!.Action!))
        {
            string refusal = connection.IsStaff ? HandoffReplies.CustomersOnly : HandoffReplies.StaffOnly;
            await sender.SendAsync(connection.ConnectionId, new ErrorFrame(ErrorCodes.Unauthorized, refusal, frame.ClientMessageId), cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            RateLimitBucket bucket = frame!.Action == ClientActions.SendMessage ? RateLimitBucket.Messages : RateLimitBucket.Reads;
            if (!await rateLimiter.TryAcquireAsync(connection.CustomerId, bucket, cancellationToken).ConfigureAwait(false))
            {
                string text = bucket == RateLimitBucket.Messages
                    ? ChatErrors.TooFast(ChatErrors.LanguageOf(frame))
                    : connection.IsStaff
                        ? "Too many support console requests; please wait a few seconds and try again."
                        : "Too many requests for your profile or history; please wait a few seconds and try again.";
                await sender.SendAsync(connection.ConnectionId, new ErrorFrame(ErrorCodes.RateLimited, text, frame.ClientMessageId), cancellationToken).ConfigureAwait(false);
                return;
            }

            Task handling = frame!.Action switch
            {
                ClientActions.SendMessage => chat.HandleAsync(connection, frame, cancellationToken),
                ClientActions.GetProfile => ProfileAsync(connection, cancellationToken),
                ClientActions.GetHistory => HistoryAsync(connection, frame.ConversationId, cancellationToken),
                _ => staff.HandleAsync(connection, frame, cancellationToken),
            };
            await handling.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, frame!.Action!, connection.CustomerId);
            await sender.SendAsync(connection.ConnectionId, new ErrorFrame(ErrorCodes.Internal, ChatErrors.OurFault(ChatErrors.LanguageOf(frame)), frame.ClientMessageId), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task ProfileAsync(ClientConnection connection, CancellationToken cancellationToken)
    {
        Task<Customer?> customerRead = customers.GetAsync(connection.CustomerId, cancellationToken);
        ServiceLevelCatalog catalog = await serviceLevels.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        Customer? customer = await customerRead.ConfigureAwait(false);
        ServiceLevel? tier = customer is null ? null : catalog.Find(customer.ServiceLevel);
        ServerFrame answer = customer is null || tier is null
            ? new ErrorFrame(ErrorCodes.Unauthorized, ChatErrors.AccountNotFound(Language.English))
            : new ProfileFrame(CustomerProfile.From(customer), tier);
        await sender.SendAsync(connection.ConnectionId, answer, cancellationToken).ConfigureAwait(false);
    }

    private async Task HistoryAsync(ClientConnection connection, string? conversationId, CancellationToken cancellationToken)
    {
        if (conversationId is null)
        {
            IReadOnlyList<StoredMessage> latest = await messages.GetByUserAsync(connection.CustomerId, 1, cancellationToken).ConfigureAwait(false);
            conversationId = latest.Count > 0 ? latest[0].ConversationId : null;
        }

        IReadOnlyList<StoredMessage> conversation = conversationId is null
            ? []
            : await messages.GetConversationAsync(conversationId, HistoryLimit, cancellationToken).ConfigureAwait(false);

        // Scoped to the customer: someone else's conversation reads as empty.
        HistoryEntry[] entries = conversation
            .Where(m => m.UserId == connection.CustomerId)
            .Select(HistoryEntry.From)
            .ToArray();
        await sender.SendAsync(connection.ConnectionId, new HistoryFrame(conversationId, entries), cancellationToken).ConfigureAwait(false);

        // A conversation reopened while it is in the support queue says where it stands (waiting, or with whom).
        if (entries.Length > 0 && await support.StandingAsync(conversationId!, connection.CustomerId, connection.ConnectionId, cancellationToken).ConfigureAwait(false) is { } standing)
        {
            await sender.SendAsync(connection.ConnectionId, standing, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {Action} for {CustomerId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string action, string customerId);
}
