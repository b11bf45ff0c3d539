using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServiceBot.Core.Auth;
using ServiceBot.Core.Connections;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Frames;
using ServiceBot.Core.Handlers;
using ServiceBot.Core.Scheduling;
using ServiceBot.Core.Seeding;
using ServiceBot.Core.Support;
using ServiceBot.Sqlite;

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

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"servicebot-wired-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;
    private readonly RecordingChannel _channel = new();

    private WiredCore()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddServiceBotCore();
        services.AddServiceBotSqlite();
        services.Configure<SqliteOptions>(o => o.DatabasePath = _path);
        services.AddSingleton<IClientChannel>(_channel);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public IScheduledJobStore Jobs => _services.GetRequiredService<IScheduledJobStore>();

    public CustomerUpdater Updater => _services.GetRequiredService<CustomerUpdater>();

    public static async Task<WiredCore> StartAsync(CancellationToken cancellationToken)
    {
        var rig = new WiredCore();
        await rig._services.GetRequiredService<SqliteDatabase>().InitializeAsync(cancellationToken);
        await rig._services.GetRequiredService<SeedHandler>().SeedAsync(SeedData.Default, cancellationToken);
        return rig;
    }

    /// <summary>The customer's one open connection, where both chat replies and pushed frames arrive.</summary>
    public static string ConnectionOf(string customerId) => "conn-" + customerId;

    /// <summary>One sendMessage on the customer's open connection; the reply it got.</summary>
    public async Task<MessageFrame> ChatAsync(string customerId, string text, string? conversationId = null)
    {
        DateTimeOffset now = Clock.GetUtcNow();
        await _services.GetRequiredService<IConnectionStore>().AddAsync(
            new Connection(ConnectionOf(customerId), customerId, now, now + Connection.Lifetime), TestContext.Current.CancellationToken);
        var frame = new ClientFrame { Action = ClientActions.SendMessage, Message = text, ConversationId = conversationId, ClientMessageId = Guid.NewGuid().ToString("N") };
        await _services.GetRequiredService<ChatHandler>().HandleAsync(new ClientConnection(ConnectionOf(customerId), customerId), frame, TestContext.Current.CancellationToken);
        return _channel.Frames(ConnectionOf(customerId)).OfType<MessageFrame>().Last();
    }

    /// <summary>Moves the clock to <paramref name="at"/> and runs the jobs due then, as a host's runner does.</summary>
    public async Task<int> RunDueAtAsync(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        return await _services.GetRequiredService<ScheduledJobRunner>().RunDueAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>One support console frame from the staff member's console.</summary>
    public async Task StaffAsync(string staffId, string action, string conversationId)
    {
        string connectionId = "console-" + staffId;
        await _services.GetRequiredService<IStaffStore>().AddConnectionAsync(
            new StaffConnection(connectionId, staffId, Clock.GetUtcNow() + Connection.Lifetime), TestContext.Current.CancellationToken);
        await _services.GetRequiredService<StaffHandler>().HandleAsync(
            new ClientConnection(connectionId, staffId) { Role = Roles.Staff }, new ClientFrame { Action = action, ConversationId = conversationId }, TestContext.Current.CancellationToken);
    }

    /// <summary>Every frame sent to the customer's connection so far, oldest first.</summary>
    public IReadOnlyList<ServerFrame> FramesTo(string customerId) => _channel.Frames(ConnectionOf(customerId));

    public async Task<StoredMessage> LastStoredAsync(string conversationId) =>
        (await _services.GetRequiredService<IMessageStore>().GetConversationAsync(conversationId, 50, TestContext.Current.CancellationToken))[^1];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        ServiceBot.Testing.DatabaseFiles.Delete(_path);
    }

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
