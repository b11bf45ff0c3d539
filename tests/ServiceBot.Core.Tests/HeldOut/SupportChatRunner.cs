using System.Collections.Concurrent;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Handlers;
using ServiceBot.Core.Seeding;

namespace ServiceBot.Core.Tests.HeldOut;

/// <summary>What came of a case's last message: the reply as the customer gets it, and every customer's devices around it.</summary>
public sealed record ChatOutcome
{
    public required string? RequestType { get; init; }
    public required AgentReply Reply { get; init; }
    public required IReadOnlyList<Customer> CustomersBefore { get; init; }
    public required IReadOnlyList<Customer> CustomersAfter { get; init; }
}

/// <summary>
/// Runs a case through the production chat handler, wired by the same registrations the server uses (the core, the
/// SQLite store, the offline assistant): the RequestAnalyzer reads the message against the stored conversation, the
/// ChatAgent answers through the permission gate, device changes, timers and the support queue land in a real SQLite
/// file, and both messages are stored. Every case starts from freshly seeded customers in its own conversation.
/// </summary>
public sealed class SupportChatRunner : IAsyncDisposable
{
    private readonly RecordingChannel _channel = new();
    private ServerWiring _services = null!;
    private ICustomerStore _customers = null!;
    private ChatHandler _chat = null!;

    private SupportChatRunner()
    {
    }

    public static async Task<SupportChatRunner> StartAsync(CancellationToken cancellationToken)
    {
        var runner = new SupportChatRunner();
        runner._services = await ServerWiring.StartAsync("heldout", runner._channel, clock: null, cancellationToken);
        runner._customers = runner._services.Get<ICustomerStore>();
        runner._chat = runner._services.Get<ChatHandler>();
        return runner;
    }

    public async Task<ChatOutcome> RunAsync(SupportChat chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await ResetCustomersAsync(chat, cancellationToken);
        string? conversationId = null;
        foreach (string earlier in chat.Before)
        {
            conversationId = (await TurnAsync(chat.Customer, conversationId, earlier, cancellationToken)).ConversationId;
        }

        IReadOnlyList<Customer> before = await _customers.ListAsync(cancellationToken);
        MessageFrame reply = await TurnAsync(chat.Customer, conversationId, chat.Text, cancellationToken);
        IReadOnlyList<Customer> after = await _customers.ListAsync(cancellationToken);
        return new ChatOutcome
        {
            RequestType = reply.RequestType,
            Reply = new AgentReply(reply.Message, reply.Actions, reply.Source, null),
            CustomersBefore = before,
            CustomersAfter = after,
        };
    }

    /// <summary>One sendMessage as the web client sends it (with its key), answered by the chat handler; the reply frame it sent.</summary>
    private async Task<MessageFrame> TurnAsync(string customerId, string? conversationId, string text, CancellationToken cancellationToken)
    {
        string connectionId = "heldout-" + Guid.NewGuid().ToString("N");
        var frame = new ClientFrame
        {
            Action = ClientActions.SendMessage,
            Message = text,
            ConversationId = conversationId,
            ClientMessageId = Guid.NewGuid().ToString("N"),
        };
        await _chat.HandleAsync(new ClientConnection(connectionId, customerId), frame, cancellationToken);
        return _channel.Take(connectionId)
            ?? throw new InvalidOperationException($"The chat handler sent no reply to \"{text}\" ({_channel.ErrorFor(connectionId) ?? "no error frame either"}).");
    }

    /// <summary>Puts every customer back to the seed, with the case's starting state over it; rows already so are left alone.</summary>
    private async Task ResetCustomersAsync(SupportChat chat, CancellationToken cancellationToken)
    {
        foreach (Customer seeded in SeedData.Default.Customers)
        {
            Customer wanted = seeded with { Devices = seeded.Devices.Select(d => Started(d, chat.Start)).ToArray(), Routines = [] };
            Customer current = (await _customers.GetAsync(seeded.Id, cancellationToken))!;
            if (current.Routines.Count == 0 && current.Devices.SequenceEqual(wanted.Devices))
            {
                continue;
            }

            if (!await _customers.TryReplaceAsync(wanted with { Version = current.Version }, cancellationToken))
            {
                throw new InvalidOperationException($"Could not reset {seeded.Id} for case {chat.Id}.");
            }
        }
    }

    private static Device Started(Device seeded, IReadOnlyDictionary<string, DeviceStart> start)
    {
        if (!start.TryGetValue(seeded.Id, out DeviceStart? state))
        {
            return seeded;
        }

        return seeded with
        {
            Power = state.Power ?? seeded.Power,
            Volume = state.Volume ?? seeded.Volume,
            Status = state.Status ?? seeded.Status,
            NowPlaying = state.NowPlaying ?? seeded.NowPlaying,
            Signal = state.Signal ?? seeded.Signal,
            Location = state.Location ?? seeded.Location,
            LastSeen = state.LastSeenMinutesAgo is int minutes ? DateTimeOffset.UtcNow.AddMinutes(-minutes) : seeded.LastSeen,
        };
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>Keeps the last reply (and error) sent to each connection; a turn reads its own connection's.</summary>
    private sealed class RecordingChannel : IClientChannel
    {
        private readonly ConcurrentDictionary<string, MessageFrame> _replies = new();
        private readonly ConcurrentDictionary<string, string> _errors = new();

        public ValueTask<bool> SendAsync(string connectionId, ServerFrame frame, CancellationToken cancellationToken)
        {
            switch (frame)
            {
                case MessageFrame message:
                    _replies[connectionId] = message;
                    break;
                case ErrorFrame error:
                    _errors[connectionId] = error.Code + ": " + error.Message;
                    break;
            }

            return ValueTask.FromResult(true);
        }

        public MessageFrame? Take(string connectionId) => _replies.TryRemove(connectionId, out MessageFrame? reply) ? reply : null;

        public string? ErrorFor(string connectionId) => _errors.TryRemove(connectionId, out string? error) ? error : null;
    }
}
