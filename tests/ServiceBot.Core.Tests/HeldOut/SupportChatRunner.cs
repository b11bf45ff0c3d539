using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Agent;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Scheduling;
using ServiceBot.Core.Seeding;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Sqlite;

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
/// Runs a case the way the production chat handler does with the offline assistant: the RequestAnalyzer reads the message
/// against the stored conversation, the ChatAgent answers through the permission gate, device changes land in a real
/// SQLite file, and both messages are stored. Every case starts from freshly seeded customers in its own conversation.
/// </summary>
public sealed class SupportChatRunner : IAsyncDisposable
{
    // As ChatHandler: the earlier turns read for context.
    private const int HistoryTurns = 20;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"servicebot-heldout-{Guid.NewGuid():N}.db");
    private readonly ServiceLevelCatalog _catalog = new(SeedData.Default.ServiceLevels);
    private readonly RequestAnalyzer _analyzer = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteCustomerStore _customers;
    private readonly SqliteMessageStore _messages;
    private readonly ConversationLog _log;
    private readonly ChatAgent _agent;

    private SupportChatRunner()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteOptions { DatabasePath = _path }));
        _customers = new SqliteCustomerStore(_database);
        _messages = new SqliteMessageStore(_database);
        _log = new ConversationLog(_messages);
        // As production: timers go on the schedule in the same file.
        var timers = new JobScheduler(new SqliteScheduledJobStore(_database), new SchedulerSignal(), Options.Create(new ServiceBotOptions()), TimeProvider.System);
        _agent = new ChatAgent(new OfflineAgentModel(), new CustomerUpdater(_customers), TimeProvider.System, NullLoggerFactory.Instance, timers);
    }

    public static async Task<SupportChatRunner> StartAsync(CancellationToken cancellationToken)
    {
        var runner = new SupportChatRunner();
        await runner._database.InitializeAsync(cancellationToken);
        foreach (Customer customer in SeedData.Default.Customers)
        {
            await runner._customers.TryAddAsync(customer, cancellationToken);
        }

        return runner;
    }

    public async Task<ChatOutcome> RunAsync(SupportChat chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await ResetCustomersAsync(chat, cancellationToken);
        string conversationId = $"heldout-{chat.Id}-{Guid.NewGuid():N}";
        foreach (string earlier in chat.Before)
        {
            await TurnAsync(chat.Customer, conversationId, earlier, cancellationToken);
        }

        IReadOnlyList<Customer> before = await _customers.ListAsync(cancellationToken);
        (string? requestType, AgentReply reply) = await TurnAsync(chat.Customer, conversationId, chat.Text, cancellationToken);
        IReadOnlyList<Customer> after = await _customers.ListAsync(cancellationToken);
        return new ChatOutcome { RequestType = requestType, Reply = reply, CustomersBefore = before, CustomersAfter = after };
    }

    private async Task<(string? RequestType, AgentReply Reply)> TurnAsync(string customerId, string conversationId, string text, CancellationToken cancellationToken)
    {
        Customer customer = await _customers.GetAsync(customerId, cancellationToken)
            ?? throw new InvalidDataException($"Unknown customer {customerId}.");
        ServiceLevel tier = _catalog.Find(customer.ServiceLevel)!;
        IReadOnlyList<StoredMessage> history = await _messages.GetConversationAsync(conversationId, HistoryTurns, cancellationToken);
        RequestAnalysis analysis = _analyzer.Analyze(text, customer, ConversationContextBuilder.From(history, customer));
        bool allowed = analysis.RequiredActions.All(tier.Allows);
        StoredMessage asked = await _log.AppendAsync(new StoredMessage
        {
            ConversationId = conversationId,
            Timestamp = DateTimeOffset.UtcNow,
            UserId = customerId,
            Sender = Senders.Customer,
            Text = text,
            RequestType = analysis.RequestType,
            RequiredActions = analysis.RequiredActions,
            Allowed = allowed,
        }, cancellationToken);

        var context = new AgentContext
        {
            Customer = customer,
            Tier = tier,
            Catalog = _catalog,
            ConversationId = conversationId,
            Text = text,
            Analysis = analysis,
            History = history,
        };
        AgentReply reply = await _agent.ReplyAsync(context, DiscardingEvents.Instance, cancellationToken);
        await _log.AppendAsync(new StoredMessage
        {
            ConversationId = conversationId,
            Timestamp = asked.Timestamp.AddTicks(1),
            UserId = customerId,
            Sender = Senders.Bot,
            Text = reply.Text,
            RequestType = analysis.RequestType,
            RequiredActions = analysis.RequiredActions,
            Allowed = allowed,
            Actions = reply.Actions,
            Source = reply.Source,
        }, cancellationToken);
        return (analysis.RequestType, reply);
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

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_path);
    }

    /// <summary>The reply is read whole from <see cref="AgentReply"/> and the devices from the store, so the pushed events are not needed.</summary>
    private sealed class DiscardingEvents : IAgentEventSink
    {
        public static readonly DiscardingEvents Instance = new();

        public ValueTask TextAsync(string delta, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DeviceChangedAsync(Device device, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
