using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using ServiceBot.Core.Auth;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Handlers;
using ServiceBot.Core.Scheduling;
using ServiceBot.Core.Support;

namespace ServiceBot.Core.Tests;

/// <summary>
/// The core wired as the server wires it (chat handler, offline assistant, job scheduler and runner, support desk and
/// staff handler, a real SQLite file, the seeded customers and staff), on a clock the test moves: a customer chats on an
/// open connection, staff work the queue, the test runs the due jobs itself, and reads what was stored and pushed.
/// </summary>
internal sealed class WiredCore : IAsyncDisposable
{
    // A Friday, 13:00 UTC.
    public static readonly DateTimeOffset Start = new(2026, 11, 6, 13, 0, 0, TimeSpan.Zero);

    private readonly RecordingChannel _channel = new();
    private ServerWiring _services = null!;

    public FakeTimeProvider Clock { get; } = new(Start);

    public IScheduledJobStore Jobs => _services.Get<IScheduledJobStore>();

    public CustomerUpdater Updater => _services.Get<CustomerUpdater>();

    public static async Task<WiredCore> StartAsync(CancellationToken cancellationToken)
    {
        var rig = new WiredCore();
        rig._services = await ServerWiring.StartAsync("wired", rig._channel, rig.Clock, cancellationToken);
        return rig;
    }

    /// <summary>The customer's one open connection, where both chat replies and pushed frames arrive.</summary>
    public static string ConnectionOf(string customerId) => "conn-" + customerId;

    /// <summary>One sendMessage on the customer's open connection; the reply it got.</summary>
    public async Task<MessageFrame> ChatAsync(string customerId, string text, string? conversationId = null)
    {
        DateTimeOffset now = Clock.GetUtcNow();
        await _services.Get<IConnectionStore>().AddAsync(
            new Connection(ConnectionOf(customerId), customerId, now, now + Connection.Lifetime), TestContext.Current.CancellationToken);
        var frame = new ClientFrame { Action = ClientActions.SendMessage, Message = text, ConversationId = conversationId, ClientMessageId = Guid.NewGuid().ToString("N") };
        await _services.Get<ChatHandler>().HandleAsync(new ClientConnection(ConnectionOf(customerId), customerId), frame, TestContext.Current.CancellationToken);
        return _channel.Frames(ConnectionOf(customerId)).OfType<MessageFrame>().Last();
    }

    /// <summary>Moves the clock to <paramref name="at"/> and runs the jobs due then, as a host's runner does.</summary>
    public async Task<int> RunDueAtAsync(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        return await _services.Get<ScheduledJobRunner>().RunDueAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>One support console frame from the staff member's console.</summary>
    public async Task StaffAsync(string staffId, string action, string conversationId)
    {
        string connectionId = "console-" + staffId;
        await _services.Get<IStaffStore>().AddConnectionAsync(
            new StaffConnection(connectionId, staffId, Clock.GetUtcNow() + Connection.Lifetime), TestContext.Current.CancellationToken);
        await _services.Get<StaffHandler>().HandleAsync(
            new ClientConnection(connectionId, staffId) { Role = Roles.Staff }, new ClientFrame { Action = action, ConversationId = conversationId }, TestContext.Current.CancellationToken);
    }

    /// <summary>Every frame sent to the customer's connection so far, oldest first.</summary>
    public IReadOnlyList<ServerFrame> FramesTo(string customerId) => _channel.Frames(ConnectionOf(customerId));

    public async Task<StoredMessage> LastStoredAsync(string conversationId) =>
        (await _services.Get<IMessageStore>().GetConversationAsync(conversationId, 50, TestContext.Current.CancellationToken))[^1];

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class RecordingChannel : IClientChannel
    {
        private readonly ConcurrentDictionary<string, ConcurrentQueue<ServerFrame>> _frames = new();

        public ValueTask<bool> SendAsync(string connectionId, ServerFrame frame, CancellationToken cancellationToken)
        {
            _frames.GetOrAdd(connectionId, _ => new()).Enqueue(frame);
            return ValueTask.FromResult(true);
        }

        public IReadOnlyList<ServerFrame> Frames(string connectionId) => _frames.TryGetValue(connectionId, out var frames) ? [.. frames] : [];
    }
}
